/// Portuguese and Arabic for every key of `Texts.table`: `key | Português | العربية`. `TextsTests` checks that no
/// key is missing in any language and that each text keeps its `%@` placeholders.
extension Texts {
    static let tablePtAr = """
        nav.submissions | Contribuições | المساهمات
        sub.title | Contribuições às instâncias | المساهمات المقدمة إلى الهيئات
        sub.new | Submeter a uma instância | تقديم مساهمة إلى هيئة
        sub.kind | Tipo | النوع
        sub.titleField | Título | العنوان
        sub.summary | O que traz, e porquê | ما الذي تقدمه، ولماذا
        sub.topic | Tema (vai para a instância competente) | الموضوع (يُحال إلى الهيئة المختصة)
        sub.asks | Os seus pedidos, um por linha: cada um recebe a sua resposta | طلباتك، طلب في كل سطر: يُجاب عن كل طلب على حدة
        sub.organisation | Em nome de (organização, opcional) | باسم (منظمة، اختياري)
        sub.protected | Proteger a minha identidade: só os coordenadores da instância veem quem submeteu | حماية هويتي: لا يرى مقدّم المساهمة إلا منسقو الهيئة
        sub.public | Pública: qualquer pessoa pode lê-la | علنية: يمكن لأي شخص قراءتها
        sub.send | Submeter | إرسال
        sub.none | Nenhuma contribuição que possa ler. | لا توجد مساهمة يمكنك قراءتها.
        sub.to | Para | إلى
        sub.answerBy | Resposta devida | موعد الرد
        sub.clock | Recebida %@ · acusar receção até %@ · responder até %@ (dias úteis) | استُلمت في %@ · الإقرار بالاستلام قبل %@ · الرد قبل %@ (أيام عمل)
        sub.from | De %@ | من %@
        sub.askList | Pedidos | الطلبات
        sub.held | retida até à publicação | محجوزة حتى النشر
        sub.moveOn | Fazer avançar | المضي بها قدماً
        sub.transferTo | Transferir para (código da instância) | إحالة إلى (رمز الهيئة)
        sub.answer | Responder | الرد
        sub.answerLabel | Resposta | الرد
        sub.reason | Motivo (obrigatório para rejeitar ou transferir) | السبب (إلزامي للرفض أو الإحالة)
        sub.publishNow | Publicar as respostas agora | نشر الردود الآن
        sub.record | Registo de capacidade de resposta | سجل الاستجابة
        sub.intro | A sociedade civil e os cidadãos apresentam documentos, petições e queixas a uma instância; cada um é acompanhado até a instância responder, e o registo de cada instância é público. | يقدّم المجتمع المدني والمواطنون أوراقاً وعرائض وشكاوى إلى هيئة؛ وتُتابَع كل منها حتى ترد الهيئة، وسجل كل هيئة علني.
        sub.anonymousNote | Não tem sessão iniciada: a sua contribuição é anónima. Recebe um código de recibo para a acompanhar; ninguém fica a saber quem é. | أنت غير مسجّل الدخول: مساهمتك مجهولة الهوية. ستحصل على رمز إيصال لمتابعتها؛ ولن يعرف أحد من أنت.
        sub.anonymous | Submetida anonimamente (com um código de recibo). | قُدّمت دون ذكر الاسم (برمز إيصال).
        sub.notifyEmail | Enviar-me um e-mail a cada alteração (opcional) | أرسل لي بريداً إلكترونياً عند كل تغيير (اختياري)
        sub.receiptTitle | A sua contribuição foi recebida | تم استلام مساهمتك
        sub.receiptIntro | A sua %@ foi para %@. O seu código de recibo: | أُرسلت %@ الخاصة بك إلى %@. رمز الإيصال الخاص بك:
        sub.receiptKeep | Anote este código agora: só é mostrado uma vez, e é a única forma de acompanhar a sua contribuição e responder às perguntas da instância. | دوّن هذا الرمز الآن: لا يُعرض إلا مرة واحدة، وهو الطريقة الوحيدة لمتابعة مساهمتك والرد على أسئلة الهيئة.
        sub.receiptCheck | Acompanhar uma contribuição com o seu código de recibo | متابعة مساهمة برمز إيصالها
        sub.receiptField | Código de recibo | رمز الإيصال
        sub.receiptLook | Procurar | بحث
        sub.files | Ficheiros | الملفات
        sub.fileField | Juntar um ficheiro (PDF, foto, Word ou OpenDocument, até 5 MB) | إرفاق ملف (PDF أو صورة أو Word أو OpenDocument، حتى 5 ميغابايت)
        sub.fileHint | Um PDF ou uma foto perde os dados de autor e de localização; um ficheiro Word ou OpenDocument mantém-nos, por isso envie um PDF se a sua identidade estiver protegida. | يفقد ملف PDF أو الصورة بيانات المؤلف والموقع؛ أما ملف Word أو OpenDocument فيحتفظ بها، لذا أرسل ملف PDF إذا كانت هويتك محمية.
        sub.addFile | Juntar o ficheiro | إرفاق الملف
        sub.clarifyField | A sua resposta à pergunta da instância | ردك على سؤال الهيئة
        sub.clarify | Enviar a resposta | إرسال الرد
        sub.extendBy | Prorrogar o prazo em (dias úteis) | تمديد المهلة بـ (أيام عمل)
        sub.extendWhy | Porquê (mostrado a quem submeteu) | السبب (يُعرض على مقدّم المساهمة)
        sub.extend | Prorrogar | تمديد
        sub.batchNote | Esta instância tem respostas ainda não publicadas. | لدى هذه الهيئة ردود لم تُنشر بعد.
        sub.publishAll | Publicar agora todas as respostas retidas | نشر جميع الردود المحجوزة الآن
        ireview.ask | Pedir uma revisão interna | طلب مراجعة داخلية
        ireview.reason | O que deve a instância rever, e porquê? | ما الذي ينبغي للهيئة إعادة النظر فيه، ولماذا؟
        ireview.requested | Foi pedida uma revisão interna. | طُلبت مراجعة داخلية.
        ireview.upheld | Revisto: a instância mantém a sua resposta. | تمت المراجعة: الهيئة متمسكة بردها.
        ireview.revised | Revisto: a instância alterou a sua resposta. | تمت المراجعة: غيّرت الهيئة ردها.
        ireview.decide | Decidir a revisão | البت في المراجعة
        ireview.outcome | Resultado | النتيجة
        ireview.found | O que a revisão concluiu | ما توصلت إليه المراجعة
        commit.title | Compromissos | الالتزامات
        commit.line | %@ % concluído · prazo %@ · executado por %@ | %@ % منجز · الموعد %@ · تنفذه %@
        commit.progress | Progresso (%) | التقدم (%)
        commit.due | Prazo | الموعد
        commit.responsible | Executado por (código da instância) | تنفذه (رمز الهيئة)
        commit.milestones | Etapas, uma por linha: a data, depois o quê; comece com x quando concluída | المراحل، مرحلة في كل سطر: التاريخ ثم المضمون؛ ابدأ بـ x عند الإنجاز
        commit.save | Guardar o compromisso | حفظ الالتزام
        commit.record | Compromissos: %@, %@ concluídos, %@ atrasados, %@ % em média | الالتزامات: %@، منها %@ منجزة، و%@ متأخرة، و%@ % في المتوسط
        follow.title | Seguir | متابعة
        follow.none | Não segue esta contribuição. | أنت لا تتابع هذه المساهمة.
        follow.email | Endereço de e-mail para cada alteração | عنوان البريد الإلكتروني لكل تغيير
        follow.start | Seguir | متابعة
        follow.stop | Parar | إيقاف
        league.title | Capacidade de resposta das instâncias | استجابة الهيئات
        league.intro | Todas as instâncias que receberam uma contribuição, as que mais respondem primeiro. As contribuições confidenciais contam; nada delas é mostrado. | كل هيئة تلقت مساهمة، الأكثر استجابة أولاً. تُحتسب المساهمات السرية دون إظهار أي شيء منها.
        league.csv | Descarregar em CSV | تنزيل بصيغة CSV
        league.none | Nenhuma instância recebeu ainda uma contribuição. | لم تتلق أي هيئة مساهمة بعد.
        league.received | Recebidas | المستلمة
        league.onTime | Respondidas a tempo | المجاب عنها في الموعد
        league.median | Mediana de dias úteis | وسيط أيام العمل
        league.overdue | Em atraso agora | المتأخرة حالياً
        league.commitments | Compromissos | الالتزامات
        league.commitLine | %@ (%@ concluídos, %@ % em média) | %@ (%@ منجزة، %@ % في المتوسط)
        nav.responsiveness | Capacidade de resposta | الاستجابة
        nav.forums | Fóruns | المنتديات
        notice.extend | O prazo foi prorrogado. | مُدّدت المهلة.
        notice.commit | O compromisso foi guardado. | حُفظ الالتزام.
        notice.clarify | A sua resposta foi enviada; o prazo volta a contar. | أُرسل ردك؛ واستُؤنف احتساب المهلة.
        notice.review | A revisão foi pedida. | طُلبت المراجعة.
        notice.decide | A revisão foi decidida. | بُتّ في المراجعة.
        notice.follow | Segue esta contribuição. | أنت تتابع هذه المساهمة.
        notice.unfollow | Deixou de a seguir. | لم تعد تتابعها.
        notice.publishAll | As respostas retidas foram publicadas. | نُشرت الردود المحجوزة.
        notice.submitted | Submetido. | تم الإرسال.
        notice.step | Feito. | تم.
        notice.answer | As respostas foram registadas. | سُجّلت الردود.
        sevent.file | ficheiro junto | أُرفق ملف
        sevent.commitment | compromisso atualizado | حُدّث الالتزام
        sevent.published | respostas publicadas | نُشرت الردود
        sevent.review-requested | revisão interna pedida | طُلبت مراجعة داخلية
        sevent.review-upheld | revisão: resposta mantida | المراجعة: أُبقي على الرد
        sevent.review-revised | revisão: resposta alterada | المراجعة: عُدّل الرد
        forum.title | Fóruns de diálogo | منتديات الحوار
        forum.intro | Plataformas de diálogo permanentes e eventos únicos convocados pelas instâncias. Quem participa é contado por categoria, nunca nomeado. | منصات حوار دائمة وفعاليات منفردة تعقدها الهيئات. يُحصى المشاركون حسب الفئة، ولا تُذكر أسماؤهم أبداً.
        forum.new | Convocar um fórum | عقد منتدى
        forum.body | Convocado por | بدعوة من
        forum.name | Nome | الاسم
        forum.mandate | Mandato | الولاية
        forum.standing | fórum permanente | منتدى دائم
        forum.event | evento único | فعالية منفردة
        forum.kind | Tipo | النوع
        forum.targets | Metas de inclusão (RCSNU 1325, 2250) | أهداف الشمول (قرارا مجلس الأمن 1325 و2250)
        forum.convene | Convocar | عقد
        forum.none | Ainda nenhum fórum. | لا يوجد منتدى بعد.
        forum.sessions | Sessões | الجلسات
        forum.noSessions | Ainda nenhuma sessão registada. | لم تُسجّل أي جلسة بعد.
        forum.people | %@ pessoas | %@ أشخاص
        forum.record | Registar uma sessão | تسجيل جلسة
        forum.heldOn | Realizada em | عُقدت في
        forum.agenda | Ordem de trabalhos | جدول الأعمال
        forum.category | Categoria | الفئة
        forum.women | Mulheres | النساء
        forum.men | Homens | الرجال
        forum.youth | Dos quais com menos de 35 anos | منهم دون 35 سنة
        forum.resolutions | Resoluções, uma por linha | القرارات، قرار في كل سطر
        inclusion.title | Inclusão (%@ pessoas em todas as sessões) | الشمول (%@ شخصاً في جميع الجلسات)
        inclusion.quarter | Inclusão nos fóruns, %@ | الشمول في المنتديات، %@
        inclusion.noneThisQuarter | Nenhuma sessão de fórum neste trimestre. | لا توجد جلسة منتدى في هذا الربع.
        inclusion.measure | Medida | المقياس
        inclusion.share | Proporção | النسبة
        inclusion.target | Meta | الهدف
        inclusion.short | abaixo da meta | دون الهدف
        inclusion.women | Mulheres | النساء
        inclusion.youth | Jovens | الشباب
        inclusion.cso | Sociedade civil | المجتمع المدني
        inclusion.traditionalAndReligious | Líderes tradicionais e religiosos | القادة التقليديون والدينيون
        acc.register | Registo das organizações acreditadas | سجل المنظمات المعتمدة
        acc.registerIntro | Quem está acreditado junto de que instância, em que categoria, desde quando e até quando, e cada suspensão passada com os seus fundamentos. | من هو معتمد لدى أي هيئة، وفي أي فئة، ومنذ متى وحتى متى، وكل تعليق سابق وأسبابه.
        acc.allBodies | Todas as instâncias | جميع الهيئات
        acc.none | Nenhuma organização está ainda acreditada. | لا توجد منظمة معتمدة بعد.
        acc.organisation | Organização | المنظمة
        acc.body | Acreditada junto de | معتمدة لدى
        acc.category | Categoria | الفئة
        acc.status | Situação | الحالة
        acc.term | Mandato | المدة
        acc.suspendedOn | suspensa %@: %@ | عُلّق اعتمادها في %@: %@
        acc.applications | Acreditação | الاعتماد
        acc.applicationOf | Candidatura de %@ | طلب %@
        acc.apply | Candidatar-se à acreditação | التقدم بطلب اعتماد
        acc.target | Junto de que instância, em que categoria | لدى أي هيئة، وفي أي فئة
        acc.statement | O que a organização faz, e porque se candidata | ما تقوم به المنظمة، ولماذا تتقدم بالطلب
        acc.send | Candidatar-se | تقديم الطلب
        acc.noApplications | Nenhuma candidatura que possa ler. | لا يوجد طلب يمكنك قراءته.
        acc.decisionLine | Decidido por %@ em %@: %@ | قررته %@ في %@: %@
        acc.deferredTo | Adiado para %@ | أُرجئ إلى %@
        acc.answerQuestions | As suas respostas às perguntas da instância | ردودك على أسئلة الهيئة
        acc.sendAnswers | Enviar as respostas | إرسال الردود
        acc.withdraw | Retirar a candidatura | سحب الطلب
        acc.decide | O passo da instância | إجراء الهيئة
        acc.note | Nota, ou as perguntas ao candidato | ملاحظة، أو الأسئلة الموجهة إلى مقدم الطلب
        acc.criteria | Critérios da categoria | معايير الفئة
        acc.evidence | Provas | الأدلة
        acc.decision | Decisão (adiar, recomendar, conceder ou recusar) | القرار (إرجاء أو توصية أو منح أو رفض)
        acc.organ | Órgão que decide | الجهاز المقرِّر
        acc.session | Sessão | الدورة
        acc.consensus | Por consenso | بتوافق الآراء
        acc.votesFor | Votos a favor | الأصوات المؤيدة
        acc.votesAgainst | Votos contra | الأصوات المعارضة
        acc.abstentions | Abstenções | الممتنعون
        acc.reasons | Fundamentos | الأسباب
        acc.deferredToField | Adiado para (sessão) | أُرجئ إلى (الدورة)
        acc.record | Registar o passo | تسجيل الإجراء
        accstatus.active | ativa | سارٍ
        accstatus.renewal-due | renovação devida | مستحق التجديد
        accstatus.hearing | suspensão proposta, audição | تعليق مقترح، جلسة استماع
        accstatus.suspended | suspensa | معلّق
        accstatus.expired | caducada | منتهي
        accstatus.withdrawn | retirada | مسحوب
        appstate.draft | rascunho | مسودة
        appstate.submitted | submetida | مقدَّم
        appstate.completeness-check | verificação de completude | التحقق من الاكتمال
        appstate.under-review | em análise | قيد الدراسة
        appstate.questions | perguntas ao candidato | أسئلة إلى مقدم الطلب
        appstate.deferred | adiada | مُرجأ
        appstate.recommended | recomendada | موصى به
        appstate.granted | concedida | ممنوح
        appstate.refused | recusada | مرفوض
        appstate.withdrawn | retirada | مسحوب
        verdict.met | cumprido | مستوفى
        verdict.not-met | não cumprido | غير مستوفى
        verdict.unclear | pouco claro | غير واضح
        notice.applied | A candidatura foi feita. | قُدّم الطلب.
        nav.register | Registo | السجل
        sub.recordLine | %@ contribuições recebidas, %@ respondidas; respondidas a tempo: %@; mediana de dias úteis para responder: %@; em atraso agora: %@ | %@ مساهمة مستلمة، %@ مجاب عنها؛ المجاب عنها في الموعد: %@؛ وسيط أيام العمل للرد: %@؛ المتأخرة حالياً: %@
        skind.position-paper | documento de posição | ورقة موقف
        skind.petition | petição | عريضة
        skind.recommendation | recomendação | توصية
        skind.grievance | queixa | شكوى
        skind.forum-resolution | resolução de fórum | قرار منتدى
        sstate.received | recebida | مستلمة
        sstate.acknowledged | receção acusada | أُقرّ باستلامها
        sstate.under-consideration | em apreciação | قيد النظر
        sstate.clarification-requested | esclarecimento pedido | طُلب توضيح
        sstate.answered | respondida | مجاب عنها
        sstate.transferred | transferida | محالة
        sflag.on-time | a tempo | في الموعد
        sflag.overdue | em atraso | متأخرة
        sflag.very-overdue | muito atrasada | متأخرة جداً
        sevent.received | recebida | استُلمت
        sevent.acknowledged | receção acusada | أُقرّ بالاستلام
        sevent.under-consideration | em apreciação | قيد النظر
        sevent.clarification-requested | esclarecimento pedido | طُلب توضيح
        sevent.answered | respondida | أُجيب عنها
        sevent.transferred | transferida | أُحيلت
        sevent.answers | respostas registadas | سُجّلت الردود
        sevent.extended | prazo prorrogado | مُدّدت المهلة
        sevent.overdue | em atraso | متأخرة
        sevent.very-overdue | muito atrasada | متأخرة جداً
        sevent.escalated | escalada para | صُعّدت إلى
        answer.accepted | aceite | مقبول
        answer.partly-accepted | aceite em parte | مقبول جزئياً
        answer.rejected | rejeitado | مرفوض
        answer.not-for-us | não é para esta instância | ليس من اختصاص هذه الهيئة
        med.board | Mediações | الوساطات
        med.document | Documento %@ | الوثيقة %@
        med.open | Abrir um processo de mediação | فتح ملف وساطة
        med.title | Qual é o litígio | موضوع النزاع
        med.topic | Sobre o que é | بشأن ماذا
        med.mode | Modalidade | الأسلوب
        med.partyLines | As partes, uma por linha | الأطراف، طرف في كل سطر
        med.yourName | O seu nome, como mediador | اسمك بصفتك وسيطاً
        med.declaration | A sua declaração de conflito de interesses: qualquer ligação a uma parte, ou nenhuma | إقرارك بتضارب المصالح: أي صلة بأحد الأطراف، أو لا شيء
        med.consentTitle | Consentimento das partes | موافقة الأطراف
        med.saveConsent | Guardar | حفظ
        med.none | Nenhum processo de mediação que possa ler. | لا يوجد ملف وساطة يمكنك قراءته.
        med.case | Processo | الملف
        med.state | Estado | الحالة
        med.body | Instância mediadora | الهيئة الوسيطة
        med.areas | Zonas | المناطق
        med.track | Via | المسار
        med.reach | Lê este processo como: %@ | تقرأ هذا الملف بصفة: %@
        med.table | Partes | الأطراف
        med.name | Nome | الاسم
        med.role | Papel | الدور
        med.consent | Consentimento | الموافقة
        med.mediators | Mediadores | الوسطاء
        med.declared | declaração de conflito de interesses assinada %@ | إقرار تضارب المصالح موقّع في %@
        med.sessions | Sessões | الجلسات
        med.inclusion | %@ pessoas participaram no total; mulheres %@, jovens %@ | حضر %@ شخصاً في المجموع؛ النساء %@، الشباب %@
        med.attended | %@: %@ mulheres, %@ homens, dos quais %@ jovens | %@: %@ نساء، %@ رجال، منهم %@ شباب
        med.nextStep | Seguinte: %@ — %@, até %@ | التالي: %@ — %@، قبل %@
        med.agreements | Acordos | الاتفاقات
        med.move | Fazer avançar o processo | المضي بالملف قدماً
        med.nextState | Novo estado | الحالة الجديدة
        med.addSession | Registar uma sessão | تسجيل جلسة
        med.date | Data de realização | تاريخ الانعقاد
        med.area | Onde | المكان
        med.format | Formato | الصيغة
        med.attendance | Quem veio | من حضر
        med.category | Grupo (p. ex. anciãos, jovens, grupos de mulheres) | الفئة (مثل الأعيان، الشباب، المجموعات النسائية)
        med.women | Mulheres | النساء
        med.men | Homens | الرجال
        med.youth | Dos quais jovens (menos de 35) | منهم شباب (دون 35)
        med.note | Nota | ملاحظة
        med.visibility | Quem pode ler a nota | من يمكنه قراءة الملاحظة
        med.nextAction | Próximo passo | الخطوة التالية
        med.due | Prazo | الموعد
        med.recordAgreement | Registar o acordo | تسجيل الاتفاق
        vis.mediators-only | só os mediadores | الوسطاء فقط
        vis.parties | as partes | الأطراف
        vis.body | a instância mediadora | الهيئة الوسيطة
        vis.public | qualquer pessoa | أي شخص
        mstate.referred | encaminhado | محال
        mstate.consent-pending | a aguardar consentimento | بانتظار الموافقة
        mstate.pre-negotiation | pré-negociação | ما قبل التفاوض
        mstate.negotiation | negociação | التفاوض
        mstate.agreement | acordo alcançado | تم التوصل إلى اتفاق
        mstate.suspended | suspenso | معلّق
        mstate.failed | fracassado | فاشل
        mstate.withdrawn | retirado | مسحوب
        mstate.implementation | execução | التنفيذ
        mstate.closed | encerrado | مغلق
        mmode.mediation | mediação | وساطة
        mmode.facilitation | facilitação | تيسير
        mmode.good-offices | bons ofícios | مساعٍ حميدة
        mmode.dialogue | diálogo | حوار
        prole.party | parte | طرف
        prole.signatory | signatário | موقّع
        prole.guarantor | garante | ضامن
        prole.witness | testemunha | شاهد
        prole.observer | observador | مراقب
        consent.pending | ainda não | ليس بعد
        consent.given | dado | ممنوحة
        consent.refused | recusado | مرفوضة
        sformat.joint | sessão conjunta | جلسة مشتركة
        sformat.caucus | reunião separada | جلسة منفصلة
        sformat.shuttle | diplomacia de vaivém | دبلوماسية مكوكية
        mevent.opened | aberto | فُتح
        mevent.state | estado alterado | تغيّرت الحالة
        mevent.session | sessão registada | سُجّلت جلسة
        mevent.table | partes ou mediadores alterados | تغيّر الأطراف أو الوسطاء
        mevent.agreement | acordo registado | سُجّل اتفاق
        mevent.stall | compromissos parados | تعثّر الالتزامات
        agr.list | Acordos de paz | اتفاقات السلام
        agr.intro | O que foi prometido, o que está feito, e as provas disso. As notas vão de 0 (não iniciado) a 3 (totalmente executado), como na Peace Accords Matrix; cada uma é verificada por um segundo revisor antes de ser publicada. | ما الذي وُعد به، وما الذي أُنجز، والأدلة على ذلك. تتراوح الدرجات من 0 (لم يبدأ) إلى 3 (نُفّذ بالكامل)، كما في مصفوفة اتفاقات السلام؛ ويتحقق مراجع ثانٍ من كل درجة قبل نشرها.
        agr.tracked | Acordos acompanhados aqui | الاتفاقات المتابَعة هنا
        agr.noneTracked | Nenhum acordo é ainda acompanhado aqui. | لا يُتابَع أي اتفاق هنا بعد.
        agr.search | Pesquisar a base de dados de acordos de paz (PA-X) | البحث في قاعدة بيانات اتفاقات السلام (PA-X)
        agr.searchLabel | Palavras do título | كلمات من العنوان
        agr.searchButton | Pesquisar | بحث
        agr.noneFound | Nenhum acordo encontrado. | لم يُعثر على أي اتفاق.
        agr.title | Título | العنوان
        agr.signedOn | Assinado em | تاريخ التوقيع
        agr.country | País | البلد
        agr.parties | Partes (separadas por ;) | الأطراف (يُفصل بينها بـ ;)
        agr.text | Texto | النص
        agr.stipulationLines | Compromissos, um por linha, os campos entre barras verticais: código, tema, promessa, quem deve agir (separados por ;), prazo AAAA-MM-DD ou nada, como é verificado | الالتزامات، التزام في كل سطر، والحقول بين خطوط عمودية: الرمز، الموضوع، الوعد، من يجب أن يتصرف (يُفصل بينهم بـ ;)، الموعد YYYY-MM-DD أو لا شيء، طريقة التحقق
        agr.classification | Quem a pode ler até à publicação | من يمكنه قراءته حتى النشر
        agr.thirdParties | Terceiros | الأطراف الثالثة
        agr.themes | Temas (PA-X, profundidade 1–3) | المواضيع (PA-X، العمق 1–3)
        agr.done | Executado: %@ | المنفّذ: %@
        agr.chart | Execução mês a mês | التنفيذ شهراً بشهر
        agr.reviewers | O segundo revisor concordou com o primeiro em %@ de %@ notas | اتفق المراجع الثاني مع الأول في %@ من %@ درجات
        agr.theme | Tema | الموضوع
        agr.share | Executado | المنفّذ
        agr.commitments | Compromissos | الالتزامات
        agr.allege | Comunicar uma violação deste acordo | الإبلاغ عن انتهاك لهذا الاتفاق
        agr.when | Quando aconteceu | متى حدث
        agr.byWhom | Por quem (uma parte) | من قِبل من (طرف)
        agr.whatHappened | O que aconteceu | ماذا حدث
        agr.team | Equipa de investigação (nomes, separados por vírgulas) | فريق التحقيق (أسماء مفصولة بفواصل)
        agr.finding | Conclusão | الاستنتاج
        agr.respondent | Parte que responde | الطرف المجيب
        agr.violationOf | Este incidente é uma violação de um acordo, apurada e publicada: o acordo | هذا الحادث انتهاك لاتفاق، ثبت ونُشر: الاتفاق
        agr.actors | Quem cumpre as suas promessas | من يفي بوعوده
        agr.code | N.º | رقم
        agr.promise | Promessa | الوعد
        agr.who | Quem deve agir | من يجب أن يتصرف
        agr.score | Nota | الدرجة
        agr.evidence | Provas | الأدلة
        agr.due | prazo %@ | الموعد %@
        agr.export | Notas em CSV | الدرجات بصيغة CSV
        agr.violations | Violações alegadas | الانتهاكات المزعومة
        agr.toReview | Notas à espera de um segundo revisor | درجات بانتظار مراجع ثانٍ
        agr.yourScore | A sua própria nota | درجتك أنت
        agr.reviewPublish | Rever e publicar | المراجعة والنشر
        agr.scoreTitle | Dar nota a um compromisso | تقييم التزام
        agr.stipulation | Compromisso | الالتزام
        agr.month | Mês | الشهر
        agr.evidenceKind | Tipo de prova | نوع الدليل
        agr.evidenceRef | Prova: um identificador de registo ou um endereço web | الدليل: معرّف سجل أو عنوان ويب
        agr.evidenceNote | O que mostra | ما الذي يُظهره
        agr.scoreButton | Registar a nota | تسجيل الدرجة
        pam.0 | não iniciado | لم يبدأ
        pam.1 | mínimo | أدنى
        pam.2 | intermédio | متوسط
        pam.3 | completo | كامل
        stall.overdue | Em atraso desde %@ | متأخر منذ %@
        stall.no-progress | Sem progresso desde %@ | لا تقدم منذ %@
        evidence.incident | incidente | حادث
        evidence.report | relato | بلاغ
        evidence.document | documento | وثيقة
        evidence.session | sessão | جلسة
        evidence.link | ligação | رابط
        vstate.alleged | alegada | مزعوم
        vstate.preliminary-check | verificação preliminar | تحقق أولي
        vstate.investigation | em investigação | قيد التحقيق
        vstate.finding | conclusão apurada | صدر الاستنتاج
        vstate.responses | partes a responder | الأطراف تجيب
        vstate.published | publicada | منشور
        vstate.dismissed | arquivada | مرفوض
        finding.substantiated | fundamentada | ثابت
        finding.unsubstantiated | não fundamentada | غير ثابت
        finding.inconclusive | inconclusiva | غير حاسم
        nav.mediations | Mediações | الوساطات
        nav.agreements | Acordos | الاتفاقات
        error.title | Algo correu mal | حدث خطأ ما
        error.notFound | Não encontrado | غير موجود
        error.forbidden | Não permitido | غير مسموح
        error.internal | O servidor não conseguiu responder. O erro foi registado; tente mais tarde. | تعذّر على الخادم الرد. سُجّل الخطأ؛ حاول مجدداً لاحقاً.
        signin.title | Iniciar sessão | تسجيل الدخول
        signin.username | Nome de utilizador | اسم المستخدم
        signin.password | Palavra-passe | كلمة المرور
        fed.title | Federação | الاتحاد
        fed.installation | Esta instalação | هذه المنشأة
        fed.off | federação desligada (AGORA_INSTALLATION_ID não definido) | الاتحاد معطّل (AGORA_INSTALLATION_ID غير مضبوط)
        fed.role | Papel | الدور
        fed.hub | plataforma regional | مركز إقليمي
        fed.national | instalação nacional | منشأة وطنية
        fed.key | Chave pública (Ed25519) | المفتاح العام (Ed25519)
        fed.link | Ligação | الاتصال
        fed.up | ligada; último contacto %@ | متصل؛ آخر اتصال %@
        fed.down | desligada desde %@: %@ | غير متصل منذ %@: %@
        fed.noLink | nenhuma ligação aqui (AGORA_NATS_URL não definido) | لا اتصال هنا (AGORA_NATS_URL غير مضبوط)
        fed.peers | Pares (%@) | النظراء (%@)
        fed.peer | Par | النظير
        fed.pending | À espera de envio | بانتظار الإرسال
        fed.oldestPending | Mais antigo à espera desde | الأقدم بالانتظار منذ
        fed.sent | Enviados | أُرسل
        fed.lastSent | Último envio | آخر إرسال
        fed.received | Recebidos | استُلم
        fed.lastReceived | Última receção | آخر استلام
        fed.quarantined | Em quarentena | في الحجر
        fed.agreements | Acordos de partilha de dados (%@) | اتفاقات تبادل البيانات (%@)
        fed.agreement | Acordo | الاتفاق
        fed.from | De | من
        fed.to | Para | إلى
        fed.state | Estado | الحالة
        fed.quarantine | Quarentena (%@) | الحجر (%@)
        fed.quarantineIntro | Eventos recusados à chegada — forjados, fora de um acordo, de uma instalação desconhecida ou de um esquema mais recente — guardados aqui, nunca aplicados. «Libertar» verifica de novo o evento segundo os pares e acordos de hoje e só o aplica se passar. | أحداث رُفضت عند وصولها — مزوّرة أو خارج اتفاق أو من منشأة مجهولة أو بمخطط أحدث — محفوظة هنا ولا تُطبَّق أبدًا. «إعادة المحاولة» تفحص الحدث مجددًا وفق نظراء اليوم واتفاقاته ولا تطبّقه إلا إذا اجتازها.
        fed.what | Ação | إجراء
        fed.release | Libertar | إعادة المحاولة
        fed.discard | Descartar | استبعاد
        fed.at | Quando | متى
        fed.sender | Remetente | المرسل
        fed.subject | Assunto | الموضوع
        fed.reason | Motivo | السبب
        fed.receivedTitle | Registos recebidos (%@ eventos) | السجلات المستلمة (%@ حدثًا)
        fed.origin | Instalação de origem | المنشأة المصدر
        fed.kind | Evento | الحدث
        fed.record | Registo | السجل
        fed.where | Onde | أين
        fed.ended | acordo terminado em %@ | انتهى الاتفاق في %@
        fed.cli | Pares e acordos geridos por /api/v1/federation; `agora federation status` mostra estes números (docs/FEDERATION.md). | يُدار النظراء والاتفاقات عبر /api/v1/federation؛ ويعرض `agora federation status` هذه الأرقام (docs/FEDERATION.md).
        admin.federation | Federação: pares, acordos, quarentena | الاتحاد: النظراء والاتفاقات والحجر
        fed.purpose | Finalidade | الغرض
        fed.scope | Âmbito | النطاق
        admin.title | Administração | الإدارة
        admin.settings | Limiares de risco e prazos de resposta | عتبات الخطر ومهل الاستجابة
        admin.thresholds | Limiares, %@ | العتبات، %@
        admin.proposeAt | Propor um alerta a partir do nível | اقتراح إنذار ابتداءً من المستوى
        admin.proposeAtChance | Propor também um alerta quando a previsão dá à violência mortal pelo menos esta probabilidade (%, vazio: nunca) | اقتراح إنذار أيضاً عندما يعطي التنبؤ للعنف المميت هذا الاحتمال على الأقل (%، فارغ: أبداً)
        admin.deadlines | Horas para acusar receção, por gravidade | ساعات الإقرار بالاستلام، حسب الخطورة
        admin.people | Pessoas (%@) | الأشخاص (%@)
        admin.name | Nome | الاسم
        admin.roles | Funções | الأدوار
        admin.disabled | desativada | معطّل
        admin.installationAdmin | administrador da instalação; | مسؤول المنظومة؛
        admin.cli | As contas e funções criam-se com `agora users create` e `agora users grant`, ou pela API. | تُنشأ الحسابات والأدوار بالأمرين `agora users create` و`agora users grant`، أو عبر واجهة البرمجة.
        admin.forms | Formulários para ODK Collect e KoboCollect | استمارات ODK Collect وKoboCollect
        admin.formsIntro | Os monitores dão à sua aplicação o endereço do servidor %@ com o nome de utilizador e a palavra-passe. O formulário do Agora é sempre oferecido; um XLSForm carregado aqui é oferecido ao lado, com as respostas lidas segundo a correspondência (docs/CHANNELS.md). | يُدخل المراقبون في تطبيقهم عنوان الخادم %@ مع اسم المستخدم وكلمة المرور. تُعرض استمارة Agora دائماً؛ وتُعرض بجانبها أي استمارة XLSForm تُرفع هنا، وتُقرأ إجاباتها وفق المطابقة (docs/CHANNELS.md).
        admin.formID | Formulário | الاستمارة
        admin.formVersion | Versão | الإصدار
        admin.formOwn | Relato Agora (a partir da grelha e das zonas) | بلاغ Agora (من الإطار والمناطق)
        admin.formFile | XLSForm (.xlsx) | استمارة XLSForm (.xlsx)
        admin.formMapping | Correspondência das suas perguntas com um relato (JSON) | مطابقة أسئلتها مع البلاغ (JSON)
        admin.formBody | Instância a que os relatos são entregues (código, opcional) | الهيئة التي تُقدَّم إليها بلاغاتها (الرمز، اختياري)
        admin.formPublish | Publicar o formulário | نشر الاستمارة
        notice.quarantineReleased | O evento passou as verificações e foi aplicado. | اجتاز الحدث الفحوص وطُبِّق.
        notice.quarantineDiscarded | O evento foi descartado; o registo de auditoria guarda o seu rasto. | استُبعد الحدث؛ ويحتفظ سجل التدقيق بأثره.
        notice.formPublished | O formulário foi publicado: o Collect oferece-o na próxima atualização. | نُشرت الاستمارة: سيعرضها Collect عند التحديث التالي.
        nav.admin | Administração | الإدارة
        risk.trendTable | Semana a semana | أسبوعاً بأسبوع
        nav.skip | Saltar para o conteúdo | الانتقال إلى المحتوى
        nav.main | Principal | الرئيسية
        nav.home | Início | الصفحة الأولى
        nav.report | Fazer um relato | تقديم بلاغ
        nav.queue | Fila de revisão | قائمة المراجعة
        nav.risk | Risco | الخطر
        nav.alerts | Alertas | الإنذارات
        nav.cases | Processos | الملفات
        nav.directory | Diretório | الدليل
        nav.statistics | Estatísticas | الإحصاءات
        nav.howto | Como relatar | كيف تبلّغ
        nav.feed | Feed público de alertas (Atom/CAP) | موجز الإنذارات العامة (Atom/CAP)
        nav.signin | Iniciar sessão | تسجيل الدخول
        nav.signout | Terminar sessão | تسجيل الخروج
        home.title.public | Alerta precoce e resposta | الإنذار المبكر والاستجابة
        home.title.signed | Bem-vindo(a), %@ | مرحباً، %@
        home.intro | Os monitores comunitários relatam, os analistas verificam, os alertas chegam à instância mais próxima capaz de agir, e cada passo fica registado. | يبلّغ المراقبون المجتمعيون، ويتحقق المحللون، وتصل الإنذارات إلى أدنى هيئة قادرة على التصرف، وتُسجَّل كل خطوة.
        home.publicAlerts | Alertas públicos | الإنذارات العامة
        home.noAlerts | Nenhum alerta de momento. | لا يوجد إنذار حالياً.
        home.howto | Relate violência ou tensão crescente ao conselho de paz mais próximo. | أبلغ مجلس السلام القريب منك عن العنف أو التوتر المتصاعد.
        home.directory | %@ instâncias, da comunidade às Nações Unidas. | %@ هيئة، من المجتمع المحلي إلى الأمم المتحدة.
        home.statistics | Incidentes por região e mês, sem locais exatos. | الحوادث حسب المنطقة والشهر، دون أماكن دقيقة.
        home.fileReport | Fazer um relato | تقديم بلاغ
        home.myReports | Os seus relatos recentes | بلاغاتك الأخيرة
        home.noReports | Ainda não fez nenhum relato. | لم تقدّم أي بلاغ بعد.
        home.queue | Fila de revisão (%@ à espera) | قائمة المراجعة (%@ بالانتظار)
        home.queueEmpty | Nada espera revisão. | لا شيء بانتظار المراجعة.
        home.openQueue | Abrir a fila de revisão | فتح قائمة المراجعة
        home.rising | Zonas em subida esta semana | المناطق المتصاعدة هذا الأسبوع
        home.noRising | Nenhuma zona acima de risco baixo esta semana. | لا توجد منطقة فوق الخطر المنخفض هذا الأسبوع.
        home.proposals | Alertas propostos pelo sistema | الإنذارات التي يقترحها النظام
        home.noProposals | Nenhuma proposta à espera. | لا يوجد اقتراح بالانتظار.
        home.cases | Processos abertos da sua instância | الملفات المفتوحة لهيئتك
        home.noCases | Nenhum processo aberto. | لا يوجد ملف مفتوح.
        home.admin | Instalação | المنظومة
        home.adminBodies | %@ instâncias | %@ هيئة
        home.adminPeople | %@ contas | %@ حساب
        home.adminAreas | %@ zonas | %@ منطقة
        home.adminFailed | %@ notificações falhadas | %@ إشعار فاشل
        home.adminThresholds | Alertas propostos a partir do nível %@; alertas graves com receção acusada em %@ h | تُقترح الإنذارات ابتداءً من المستوى %@؛ ويُقرّ باستلام الإنذارات الشديدة خلال %@ ساعة
        report.title | Fazer um relato | تقديم بلاغ
        report.whatHappened | O que aconteceu? (escolha um ou mais) | ماذا حدث؟ (اختر واحداً أو أكثر)
        report.describe | Descreva | صِف ما حدث
        report.whenDate | Quando (data) | متى (التاريخ)
        report.where | Onde | أين
        report.choosePlace | — escolha o local — | — اختر المكان —
        report.fileWith | Entregar a | تقديمه إلى
        report.gps | Usar a minha localização | استخدام موقعي
        report.gpsWait | A procurar a sua localização… | جارٍ تحديد موقعك…
        report.gpsDone | Localização adicionada. | أُضيف الموقع.
        report.gpsFail | Localização indisponível; escolha o local acima. | الموقع غير متاح؛ اختر المكان أعلاه.
        report.more | Mais pormenores | مزيد من التفاصيل
        report.media | Fotos e uma gravação | صور وتسجيل صوتي
        report.mediaHint | Até 3 fotos e uma gravação. O local onde a foto foi tirada é removido antes de ser guardada; só quem pode ler este relato as vê. | حتى 3 صور وتسجيل واحد. يُحذف مكان التقاط الصورة قبل حفظها؛ ولا يراها إلا من يحق له قراءة هذا البلاغ.
        report.photo | Fotos | الصور
        report.photoWait | A reduzir as fotos… | جارٍ تصغير الصور…
        report.photoDone | %@ foto(s) pronta(s), %@ KB. | %@ صورة جاهزة، %@ كيلوبايت.
        report.audio | Gravação | التسجيل
        review.media | Fotos e gravações | الصور والتسجيلات
        review.photo | Foto %@ do relato | الصورة %@ من البلاغ
        report.time | Hora (HH:MM) | الوقت (HH:MM)
        report.lat | Latitude | خط العرض
        report.lon | Longitude | خط الطول
        report.killed | Mortos | القتلى
        report.injured | Feridos | الجرحى
        report.displaced | Deslocados | النازحون
        report.send | Enviar o relato | إرسال البلاغ
        report.draftRestored | O seu rascunho não enviado foi recuperado. | استُعيدت مسودتك غير المرسلة.
        report.received | Relato recebido por %@. Referência: %@. | استلمت %@ البلاغ. المرجع: %@.
        incidents.title | Incidentes | الحوادث
        incidents.map | Os últimos %@ incidentes com localização, agrupados onde estão próximos | آخر %@ حادثاً ذات موقع، مجمّعة حيث تتقارب
        incidents.here | %@ incidente(s) aqui | %@ حادث هنا
        incidents.export | Descarregar o que é mostrado: | تنزيل ما هو معروض:
        incidents.none | Nenhum incidente corresponde. | لا يوجد حادث مطابق.
        incidents.more | Incidentes mais antigos → | حوادث أقدم ←
        filter.words | Palavras | كلمات
        filter.place | Local (e tudo o que contém) | المكان (وكل ما يضمه)
        filter.anywhere | em qualquer lugar | في أي مكان
        filter.from | De | من
        filter.to | Até | إلى
        filter.indicator | Indicador | المؤشر
        filter.anyIndicator | qualquer indicador | أي مؤشر
        filter.anyState | qualquer estado | أي حالة
        filter.anySeverity | qualquer gravidade | أي خطورة
        filter.anySource | qualquer fonte | أي مصدر
        filter.anyClassification | qualquer classificação | أي تصنيف
        filter.classification | Classificação | التصنيف
        sourceKind.reporter | um relator registado | مبلّغ مسجّل
        sourceKind.monitor | um monitor | مراقب
        sourceKind.media | a comunicação social | وسائل الإعلام
        sourceKind.partner | um parceiro | شريك
        sourceKind.anonymous | o público, anonimamente | الجمهور، دون ذكر الاسم
        filter.overdue | Só os atrasados | المتأخرة فقط
        filter.apply | Filtrar | تصفية
        filter.clear | Limpar os filtros | مسح عوامل التصفية
        nav.incidents | Incidentes | الحوادث
        report.searchPlace | Pesquisar os locais | البحث في الأماكن
        report.chooseDistrict | A sua localização está em %@, mas esta instalação não consegue deduzir o distrito. Escolha o distrito (o mais próximo primeiro): | موقعك في %@، لكن هذه المنظومة لا تستطيع تحديد المقاطعة منه. اختر المقاطعة (الأقرب أولاً):
        report.alreadyReceived | Este relato já tinha chegado a %@ (referência %@); não é guardado duas vezes. | سبق أن وصل هذا البلاغ إلى %@ (المرجع %@)؛ ولن يُحفظ مرتين.
        report.queueTitle | À espera de envio a partir deste telefone | بانتظار الإرسال من هذا الهاتف
        report.queued | Sem ligação: o relato fica guardado neste telefone e será enviado quando a ligação voltar. | لا يوجد اتصال: يُحفظ البلاغ على هذا الهاتف وسيُرسل عند عودة الاتصال.
        report.queueWaiting | à espera de ligação | بانتظار الاتصال
        report.queueSending | a enviar… | جارٍ الإرسال…
        report.queueSent | recebido | مستلم
        report.queueRefused | recusado pelo servidor: abra-o para o corrigir | رفضه الخادم: افتحه لتصحيحه
        report.queueOpen | Abrir no formulário | فتح في الاستمارة
        report.queueUnsent | %@ relato(s) escrito(s) neste telefone ainda não foram enviados. Terminar a sessão e apagá-los deste telefone? | لم يُرسل بعد %@ بلاغ مكتوب على هذا الهاتف. هل تريد تسجيل الخروج وحذفها من هذا الهاتف؟
        report.when | Quando | متى
        report.what | O quê | ماذا
        report.status | Estado | الحالة
        report.indicators | Indicadores | المؤشرات
        report.body | Instância | الهيئة
        report.harm | Mortos %@, feridos %@, deslocados %@ | القتلى %@، الجرحى %@، النازحون %@
        report.source | Fonte | المصدر
        queue.title | Fila de revisão | قائمة المراجعة
        queue.intro | Relatos não revistos que pode verificar, os mais antigos primeiro. | بلاغات لم تُراجع يمكنك التحقق منها، الأقدم أولاً.
        review.heading | Rever um relato | مراجعة بلاغ
        review.decide | Decidir | البت
        review.title | Título do incidente (opcional) | عنوان الحادث (اختياري)
        review.verify | Verificar: torná-lo um incidente | التحقق: جعله حادثاً
        review.reason | Motivo da rejeição | سبب الرفض
        review.reject | Rejeitar | رفض
        review.noDuplicates | Nenhum relato semelhante encontrado. | لم يُعثر على بلاغ مشابه.
        review.this | Este relato | هذا البلاغ
        review.similar | Relatos semelhantes | بلاغات مشابهة
        review.score | Semelhança %@ · %@ dia(s) de diferença · %@ km | التشابه %@ · بفارق %@ يوم · %@ كم
        review.duplicate | Mesmo acontecimento: marcar como duplicado | الحدث نفسه: وسمه كمكرر
        review.join | Verificar no incidente deste relato | التحقق ضمن حادث هذا البلاغ
        review.incident | Abrir o incidente | فتح الحادث
        incident.map | Onde: %@ | أين: %@
        incident.indicators | Indicadores | المؤشرات
        incident.sources | Fontes independentes: %@ | مصادر مستقلة: %@
        incident.reports | Relatos | البلاغات
        incident.audit | Registo de auditoria | سجل التدقيق
        audit.when | Quando | متى
        audit.who | Quem | من
        audit.what | O quê | ماذا
        sitrep.new | Escrever um relatório de situação | كتابة تقرير حالة
        sitrep.period | Período | الفترة
        sitrep.weekly | Semanal | أسبوعي
        sitrep.monthly | Mensal | شهري
        sitrep.start | Primeiro dia | اليوم الأول
        sitrep.titleField | Título | العنوان
        sitrep.narrative | Narrativa | السرد
        sitrep.save | Guardar | حفظ
        field.classification | Quem o pode ler | من يمكنه قراءته
        class.public | Público: qualquer pessoa | عام: أي شخص
        class.internal | Interno: qualquer pessoa com sessão iniciada | داخلي: أي شخص مسجّل الدخول
        class.restricted | Restrito: a instância e as que estão acima | مقيّد: الهيئة ومن فوقها
        class.confidential | Confidencial: pessoas e instâncias nomeadas | سري: أشخاص وهيئات مسمّاة
        risk.title | Risco, %@ | الخطر، %@
        risk.low | baixo | منخفض
        risk.moderate | moderado | معتدل
        risk.high | elevado | مرتفع
        risk.critical | crítico | حرج
        risk.country | País | البلد
        risk.levelOfAreas | Zonas | المناطق
        risk.period | Semana ou mês | الأسبوع أو الشهر
        risk.show | Mostrar | عرض
        risk.levelsBySize | Uma zona maior soma mais incidentes, por isso os seus níveis começam mais alto. Moderado, elevado e crítico a partir de: | تجمع المنطقة الأكبر حوادث أكثر، لذا تبدأ مستوياتها أعلى. معتدل ومرتفع وحرج ابتداءً من:
        risk.thresholdsAt | %@ %@ / %@ / %@ | %@ %@ / %@ / %@
        risk.spillLegend | contorno tracejado: risco a subir ao lado, também além-fronteiras | حدّ متقطع: خطر متصاعد في الجوار، عبر الحدود أيضاً
        risk.noShapes | Não há contornos guardados para estas zonas; as tabelas abaixo listam-nas. | لا توجد حدود مخزنة لهذه المناطق؛ الجداول أدناه تسردها.
        risk.countryView | Não há contornos guardados a este nível para este país: o mapa mostra o país e os países vizinhos; as tabelas abaixo mantêm o nível escolhido. | لا توجد حدود مخزنة على هذا المستوى لهذا البلد: تعرض الخريطة البلد والبلدان المجاورة له؛ وتحتفظ الجداول أدناه بالمستوى الذي اخترته.
        risk.mapTitle | Risco em %@, %@ | الخطر في %@، %@
        forecast.title | Previsão | التنبؤ
        forecast.top | Mais prováveis de ver violência mortal, %@ | الأكثر احتمالاً لشهود عنف مميت، %@
        forecast.pFatal | Probabilidade de violência mortal | احتمال العنف المميت
        forecast.pViolent | Probabilidade de qualquer acontecimento violento | احتمال أي حدث عنيف
        forecast.deaths | Mortes esperadas | الوفيات المتوقعة
        forecast.interval | %@ (8 em 10 hipóteses entre %@ e %@) | %@ (8 فرص من 10 بين %@ و%@)
        forecast.period | Para %@ | لـ %@
        forecast.drivers | O que mais pesa | ما يؤثر أكثر
        forecast.raises | aumenta-a | يرفعه
        forecast.lowers | diminui-a | يخفضه
        forecast.model | Modelo treinado de %@ a %@ (%@ zona-períodos), com o próprio histórico desta instalação. | نموذج دُرّب من %@ إلى %@ (%@ منطقة-فترة)، على تاريخ هذه المنظومة نفسها.
        forecast.none | Ainda não há previsão: os modelos são treinados semanalmente a partir do histórico da instalação. | لا يوجد تنبؤ بعد: تُدرَّب النماذج أسبوعياً على تاريخ المنظومة.
        forecast.recordLink | Com que frequência as nossas previsões se confirmaram | كم مرة صدقت تنبؤاتنا
        forecast.record | Com que frequência as nossas previsões se confirmaram | كم مرة صدقت تنبؤاتنا
        forecast.recordIntro | Todos os meses o Agora dá, para cada região, a probabilidade de pelo menos um acontecimento mortal no mês seguinte. Eis como essas probabilidades se compararam com o que aconteceu, testadas em anos passados que o modelo não tinha visto. | يعطي Agora كل شهر، لكل منطقة، احتمال وقوع حدث مميت واحد على الأقل في الشهر التالي. إليك كيف قورنت تلك الاحتمالات بما حدث فعلاً، مختبرةً على سنوات ماضية لم يرها النموذج.
        forecast.recordSentence | Quando dissemos cerca de %@, aconteceu %@ das vezes, em %@ previsões. | عندما قلنا نحو %@، حدث ذلك في %@ من المرات، عبر %@ تنبؤاً.
        forecast.recordChart | Probabilidade prevista face à frequência com que aconteceu | الاحتمال المتنبأ به مقابل تكرار حدوثه
        forecast.said | Dissemos | قلنا
        forecast.happened | Aconteceu | حدث
        forecast.count | Previsões | التنبؤات
        forecast.skill | Comparado com regras mais simples | مقارنة بقواعد أبسط
        forecast.method | Método | الطريقة
        forecast.brier | Pontuação de Brier (menor é melhor) | درجة براير (الأقل أفضل)
        forecast.auc | Ordenação (AUC, maior é melhor) | الترتيب (AUC، الأعلى أفضل)
        forecast.onsets | Onde nada de mortal tinha acontecido nos três meses anteriores | حيث لم يقع أي حدث مميت في الأشهر الثلاثة السابقة
        forecast.live | Previsões guardadas desde então, comparadas com o que aconteceu depois: %@ previsões, pontuação de Brier %@. | التنبؤات المخزنة منذ ذلك الحين، مقارنة بما حدث بعدها: %@ تنبؤاً، درجة براير %@.
        forecast.noRecord | Ainda sem histórico: aparece quando os modelos tiverem sido treinados com histórico suficiente. | لا يوجد سجل بعد: يظهر بعد تدريب النماذج على تاريخ كافٍ.
        forecast.colourBy | Colorir o mapa por | تلوين الخريطة حسب
        forecast.byRisk | nível de risco neste período | مستوى الخطر في هذه الفترة
        forecast.byChance | probabilidade de violência mortal a seguir | احتمال العنف المميت لاحقاً
        forecast.chanceLegend | Probabilidade de violência mortal: menos de 10 %, 10–30 %, 30–60 %, mais de 60 % | احتمال العنف المميت: أقل من 10 %، 10–30 %، 30–60 %، أكثر من 60 %
        method.model | A previsão do Agora | تنبؤ Agora
        method.climatology | A mesma probabilidade em todo o lado (a média) | الاحتمال نفسه في كل مكان (المتوسط)
        method.areaHistoryRate | A taxa passada de cada zona | المعدل السابق لكل منطقة
        method.persistence | Igual ao período anterior | مثل الفترة السابقة
        method.smoothedPersistence | Períodos recentes, suavizados | الفترات الأخيرة، مُلطّفة
        method.lagLogistic | Só as próprias mortes recentes (modelo de desfasamento) | الوفيات الأخيرة الخاصة فقط (نموذج التأخر)
        feature.events1 | acontecimentos neste período | الأحداث في هذه الفترة
        feature.events3 | acontecimentos em 3 períodos | الأحداث خلال 3 فترات
        feature.events6 | acontecimentos em 6 períodos | الأحداث خلال 6 فترات
        feature.events12 | acontecimentos em 12 períodos | الأحداث خلال 12 فترة
        feature.fatal1 | acontecimentos mortais neste período | الأحداث المميتة في هذه الفترة
        feature.fatal3 | acontecimentos mortais em 3 períodos | الأحداث المميتة خلال 3 فترات
        feature.fatal6 | acontecimentos mortais em 6 períodos | الأحداث المميتة خلال 6 فترات
        feature.fatal12 | acontecimentos mortais em 12 períodos | الأحداث المميتة خلال 12 فترة
        feature.deaths1 | mortes neste período | الوفيات في هذه الفترة
        feature.deaths3 | mortes em 3 períodos | الوفيات خلال 3 فترات
        feature.deaths12 | mortes em 12 períodos | الوفيات خلال 12 فترة
        feature.sinceFatal | tempo desde o último acontecimento mortal | الوقت منذ آخر حدث مميت
        feature.longRunRate | a taxa de longo prazo da zona, ponderada com a da sua região | المعدل الطويل الأمد للمنطقة، موزوناً بمعدل إقليمها
        feature.neighbourEvents1 | acontecimentos ao lado neste período | الأحداث في الجوار في هذه الفترة
        feature.neighbourFatal3 | acontecimentos mortais ao lado, 3 períodos | الأحداث المميتة في الجوار، 3 فترات
        feature.neighbourFatal12 | acontecimentos mortais ao lado, 12 períodos | الأحداث المميتة في الجوار، 12 فترة
        feature.threat3 | indicadores de ameaça, 3 períodos | مؤشرات التهديد، 3 فترات
        feature.peace3 | indicadores de paz, 3 períodos | مؤشرات السلام، 3 فترات
        feature.reported3 | relatos de monitores verificados, 3 períodos | بلاغات المراقبين المتحقق منها، 3 فترات
        feature.seasonSin | a estação | الموسم
        feature.seasonCos | a estação | الموسم
        feature.countryFatal3 | acontecimentos mortais no país, 3 períodos | الأحداث المميتة في البلد، 3 فترات
        feature.countryTrend | a tendência do país | اتجاه البلد
        risk.top | Risco mais elevado | الخطر الأعلى
        risk.movers | Maiores variações esta semana | أكبر التغيرات هذا الأسبوع
        risk.none | Nenhuma zona com pontuação. | لا توجد منطقة ذات درجة.
        risk.score | Pontuação | الدرجة
        risk.change | Variação | التغير
        risk.level | Nível | المستوى
        risk.spillFrom | contágio de %@ | امتداد من %@
        risk.reportedBy | segundo %@ | حسب %@
        risk.received | As zonas seguidas de uma instalação são desenhadas com os números de risco que ela partilhou: %@. | المناطق المتبوعة باسم منشأة مرسومة من أرقام المخاطر التي شاركتها: %@.
        risk.scoreIs | pontuação %@, %@ | الدرجة %@، %@
        risk.pressure | Pressão neste período | الضغط في هذه الفترة
        risk.baseline | Nível habitual (últimos 12 períodos) | المستوى المعتاد (آخر 12 فترة)
        risk.surge | Subida acima do habitual | الارتفاع فوق المعتاد
        risk.spillover | Contágio dos vizinhos | الامتداد من الجوار
        risk.incidents | Incidentes | الحوادث
        risk.fatalities | Mortes | الوفيات
        risk.drivers | O que a impulsiona | ما الذي يدفعه
        risk.driverIncident | um incidente | حادث
        risk.driverNeighbour | a subir ao lado: %@ | متصاعد في الجوار: %@
        risk.trend | Incidentes e pontuação, %@ | الحوادث والدرجة، %@
        risk.trendHeading | Tendência, últimos 12 períodos | الاتجاه، آخر 12 فترة
        risk.neighbourhood | A zona e os seus vizinhos | المنطقة وجيرانها
        area.admin1 | primeiro nível (regiões, estados) | المستوى الأول (الأقاليم، الولايات)
        area.admin2 | segundo nível (distritos) | المستوى الثاني (المقاطعات)
        area.country | países | البلدان
        area.community | comunidades | المجتمعات المحلية
        alert.new | Redigir um alerta | صياغة إنذار
        alert.composeIntro | Os campos do Common Alerting Protocol (CAP 1.2). A pré-visualização mostra a mensagem tal como sairá; emitir abre um processo de resposta na instância competente. | حقول بروتوكول التنبيه المشترك (CAP 1.2). تعرض المعاينة الرسالة كما ستُرسل؛ ويفتح الإصدار ملف استجابة لدى الهيئة المختصة.
        alert.composeFor | Redigir um alerta para %@ | صياغة إنذار لـ %@
        alert.issuer | Emitido por | أصدرته
        alert.event | Acontecimento | الحدث
        alert.defaultEvent | Risco de conflito violento | خطر نزاع عنيف
        alert.headline | Título | العنوان الرئيسي
        alert.severity | Gravidade | الخطورة
        alert.urgency | Urgência | الاستعجال
        alert.certainty | Certeza | اليقين
        alert.description | Descrição | الوصف
        alert.instruction | O que as pessoas devem fazer | ما ينبغي للناس فعله
        alert.expires | Expira (%@) | ينتهي (%@)
        alert.language | Língua do texto | لغة النص
        alert.preview | Pré-visualizar CAP | معاينة CAP
        alert.capXML | A mensagem CAP 1.2 (XML) | رسالة CAP 1.2 (XML)
        alert.previewHeading | Pré-visualização: o alerta como o público o lerá | معاينة: الإنذار كما سيقرؤه الجمهور
        alert.issue | Emitir o alerta | إصدار الإنذار
        alert.confirmTitle | Emitir este alerta? | إصدار هذا الإنذار؟
        alert.confirmIntro | Verifique o que sai e para quem. Depois de emitido, um alerta pode ser atualizado ou cancelado, não retirado. | تحقق مما سيُرسل ولمن. بعد الإصدار يمكن تحديث الإنذار أو إلغاؤه، لا استرجاعه.
        alert.confirmIssue | Sim, emitir agora | نعم، أصدره الآن
        alert.confirmBack | Voltar | رجوع
        alert.audience.public | todos: a página pública, o feed e os subscritores | الجميع: الصفحة العامة والموجز والمشتركون
        alert.audience.internal | todos os que têm sessão iniciada nesta instalação | كل من سجّل الدخول إلى هذه المنظومة
        alert.audience.restricted | as instâncias em causa e as que estão acima | الهيئات المعنية ومن فوقها
        alert.audience.confidential | só as partes nomeadas | الأطراف المسمّاة فقط
        alert.state | Estado | الحالة
        alert.sent | Enviado | أُرسل
        alert.reason | Motivo | السبب
        alert.case | Abrir o seu processo de resposta | فتح ملف الاستجابة الخاص به
        alert.capLink | Documento CAP 1.2 | وثيقة CAP 1.2
        alert.why | Porque o sistema o propôs | لماذا اقترحه النظام
        alert.issueHeading | Editar e emitir | التحرير والإصدار
        alert.dismissReason | Motivo para descartar | سبب الاستبعاد
        alert.dismiss | Descartar | استبعاد
        alert.cancelHeading | Cancelar o alerta | إلغاء الإنذار
        alert.cancel | Enviar um Cancel | إرسال رسالة إلغاء
        state.proposed | proposto | مقترح
        state.issued | emitido | صادر
        state.dismissed | descartado | مستبعد
        state.superseded | substituído | مستبدل
        state.cancelled | cancelado | ملغى
        severity.Extreme | Extrema | قصوى
        severity.Severe | Grave | شديدة
        severity.Moderate | Moderada | معتدلة
        severity.Minor | Menor | طفيفة
        severity.Unknown | Desconhecida | غير معروفة
        cap.Extreme | Extrema | قصوى
        cap.Severe | Grave | شديدة
        cap.Moderate | Moderada | معتدلة
        cap.Minor | Menor | طفيفة
        cap.Unknown | Desconhecida | غير معروفة
        cap.Immediate | Imediata | فوري
        cap.Expected | Esperada | متوقع
        cap.Future | Futura | مستقبلي
        cap.Past | Passada | سابق
        cap.Observed | Observada | مرصود
        cap.Likely | Provável | مرجح
        cap.Possible | Possível | ممكن
        cap.Unlikely | Improvável | غير مرجح
        plain.Extreme | Uma ameaça extraordinária à vida | تهديد استثنائي للحياة
        plain.Severe | Uma ameaça séria à vida ou à segurança | تهديد خطير للحياة أو السلامة
        plain.Moderate | Uma possível ameaça à vida ou à segurança | تهديد محتمل للحياة أو السلامة
        plain.Minor | Pouca ou nenhuma ameaça à vida | تهديد ضئيل أو معدوم للحياة
        plain.Immediate | agir já | تصرّف الآن
        plain.Expected | agir em breve, dentro de uma hora | تصرّف قريباً، خلال ساعة
        plain.Future | agir nos próximos dias | تصرّف في الأيام المقبلة
        plain.Past | já não é preciso agir | لم يعد أي إجراء لازماً
        plain.Observed | está a acontecer ou aconteceu | يحدث الآن أو حدث
        plain.Likely | é mais provável do que não | الأرجح أن يحدث
        plain.Possible | pode acontecer, menos de metade das hipóteses | قد يحدث، باحتمال أقل من النصف
        plain.Unlikely | não é esperado | لا يُتوقع
        plain.Unknown | desconhecido | غير معروف
        status.unreviewed | à espera de revisão | بانتظار المراجعة
        status.verified | verificado | متحقق منه
        status.rejected | rejeitado | مرفوض
        status.duplicate | duplicado | مكرر
        status.open | à espera de receção | بانتظار الإقرار بالاستلام
        status.acknowledged | em mãos | قيد المعالجة
        status.closed | encerrado | مغلق
        case.board | Quadro de processos | لوحة الملفات
        case.title | Processo: %@ | الملف: %@
        case.allBodies | todas as minhas instâncias | جميع هيئاتي
        case.ackBy | acusar receção até %@ | الإقرار بالاستلام قبل %@
        case.overdue | em atraso | متأخر
        case.escalations | escalado %@ vez(es) | صُعّد %@ مرة
        case.heldBy | com %@ | لدى %@
        case.alert | O alerta | الإنذار
        case.parties | Instâncias envolvidas | الهيئات المعنية
        case.actions | Ações | الإجراءات
        case.noActions | Ainda nenhuma ação registada. | لم يُسجّل أي إجراء بعد.
        case.history | Histórico | السجل
        case.fromTo | De → para | من ← إلى
        case.acknowledge | Acusar receção: estamos a tratar | الإقرار بالاستلام: نحن نعالجه
        case.planAction | Planear ou registar uma ação | تخطيط إجراء أو تسجيله
        case.kind | Tipo | النوع
        case.what | O quê | ماذا
        case.who | Quem o faz | من يقوم به
        case.due | Prazo (%@) | الموعد (%@)
        case.alreadyDone | Já feito? | تم بالفعل؟
        case.planned | planeada | مخطط
        case.doneAlready | feita | منجز
        case.record | Registar | تسجيل
        case.result | O que resultou | ما الذي نتج عنه
        case.markDone | Marcar como feita | وسمه كمنجز
        case.decidePlanned | Ações ainda planeadas: diga o que acontece a cada uma | إجراءات لا تزال مخططة: حدد مصير كل منها
        case.becomes | O que lhe acontece | ما مصيره
        case.choose | — escolher — | — اختر —
        case.wasDone | feita | منجز
        case.cancelIt | cancelada | ملغى
        case.cameOf | O que resultou, ou porque é cancelada | ما الذي نتج، أو سبب الإلغاء
        case.escalate | Pedir ajuda à instância acima | طلب المساعدة من الهيئة الأعلى
        case.helpNeeded | Que ajuda é necessária | ما المساعدة المطلوبة
        case.handBack | Devolver a | إعادة إلى
        case.deEscalate | Devolver | إعادة
        case.close | Encerrar o processo | إغلاق الملف
        case.outcome | Desfecho | النتيجة
        case.summary | Resumo | الملخص
        outcome.resolved | resolvido | حُلّ
        outcome.contained | contido | احتُوي
        outcome.worsened | agravado | تفاقم
        party.responsible | tem o processo | يتولى الملف
        party.was-responsible | teve-o antes | تولاه سابقاً
        party.informed | informada | مُبلَّغة
        astatus.planned | planeada | مخطط
        astatus.done | feita | منجز
        astatus.cancelled | cancelada | ملغى
        action.dialogue | diálogo | حوار
        action.mediation | mediação | وساطة
        action.peace-monitors | monitores de paz destacados | نشر مراقبي سلام
        action.police-referral | encaminhamento para a polícia | إحالة إلى الشرطة
        action.humanitarian-request | pedido humanitário | طلب إنساني
        action.public-message | mensagem pública | رسالة عامة
        action.field-assessment | avaliação no terreno | تقييم ميداني
        action.other | outra | أخرى
        event.opened | aberto | فُتح
        event.acknowledged | receção acusada | أُقرّ بالاستلام
        event.escalated | escalado | صُعّد
        event.de-escalated | devolvido | أُعيد
        event.action-planned | ação planeada | خُطط لإجراء
        event.action-done | ação feita | أُنجز إجراء
        event.action-cancelled | ação cancelada | أُلغي إجراء
        event.closed | encerrado | أُغلق
        event.escalation-exhausted | nenhuma instância acima para escalar | لا توجد هيئة أعلى للتصعيد إليها
        event.elevated | enviado ao centro regional | أُحيل إلى المركز الإقليمي
        event.regional-acknowledged | assumido pelo centro regional | تكفّل به المركز الإقليمي
        event.regional-declined | recusado pelo centro regional | رفضه المركز الإقليمي
        event.alert-updated | alerta atualizado | حُدّث الإنذار
        event.alert-cancelled | alerta cancelado | أُلغي الإنذار
        reason.requested | pediu ajuda | طلب المساعدة
        reason.acknowledgement-overdue | receção não acusada a tempo | لم يُقرّ بالاستلام في الموعد
        reason.action-overdue | ação em atraso | إجراء متأخر
        reason.cross-border | a zona toca outro país | المنطقة تلامس بلداً آخر
        reason.de-escalated | devolvido para baixo | أُعيد إلى المستوى الأدنى
        notice.reviewed | Feito: o relato foi revisto. | تم: رُوجع البلاغ.
        notice.saved | Guardado. | حُفظ.
        notice.issued | O alerta foi emitido e o seu processo aberto. | صدر الإنذار وفُتح ملفه.
        notice.issue | O alerta foi emitido e o seu processo aberto. | صدر الإنذار وفُتح ملفه.
        notice.dismiss | A proposta foi descartada. | استُبعد الاقتراح.
        notice.cancel | Foi enviada uma mensagem Cancel. | أُرسلت رسالة إلغاء.
        notice.acknowledge | Receção acusada. | تم الإقرار بالاستلام.
        notice.plan | A ação foi registada. | سُجّل الإجراء.
        notice.complete | A ação foi marcada como feita. | وُسم الإجراء كمنجز.
        notice.escalate | O processo foi para a instância acima. | أُحيل الملف إلى الهيئة الأعلى.
        notice.de-escalate | O processo foi devolvido. | أُعيد الملف.
        notice.close | O processo foi encerrado. | أُغلق الملف.
        notice.done | Feito. | تم.
        directory.intro | Todas as instâncias desta infraestrutura para a paz, do nível global até à comunidade. | كل هيئات بنية السلام هذه، من المستوى العالمي نزولاً إلى المجتمع المحلي.
        level.global | global | عالمي
        level.continental | continental | قاري
        level.sub-regional | sub-regional | دون إقليمي
        level.national | nacional | وطني
        level.region | regional | إقليمي
        level.district | distrital | محلي
        level.community | comunitário | مجتمعي
        kind.peace-council | conselho de paz | مجلس سلام
        kind.peace-committee | comité de paz | لجنة سلام
        kind.early-warning-centre | centro de alerta precoce | مركز إنذار مبكر
        kind.cso-network | rede da sociedade civil | شبكة مجتمع مدني
        kind.ministry | ministério | وزارة
        kind.state-agency | agência do Estado | وكالة حكومية
        kind.regional-organisation | organização regional | منظمة إقليمية
        kind.organ | órgão | جهاز
        kind.un-body | órgão da ONU | هيئة أممية
        body.legalBasis | Base jurídica | الأساس القانوني
        body.mandate | Mandato | الولاية
        body.jurisdiction | Jurisdição | الاختصاص
        body.worldwide | mundial | عالمي
        body.parent | Reporta a | تتبع
        body.partners | Parceiros | الشركاء
        body.website | Sítio web | الموقع الإلكتروني
        body.composition | Composição (%@ membros) | التشكيل (%@ عضواً)
        body.members | Membros | الأعضاء
        topic.early-warning | alerta precoce | الإنذار المبكر
        topic.response | resposta | الاستجابة
        topic.mediation | mediação | الوساطة
        topic.dialogue | diálogo | الحوار
        topic.small-arms | armas ligeiras | الأسلحة الصغيرة
        topic.ddr | DDR | نزع السلاح والتسريح وإعادة الإدماج
        topic.security-sector-reform | reforma do setor da segurança | إصلاح القطاع الأمني
        topic.elections | eleições | الانتخابات
        topic.natural-resources | recursos naturais | الموارد الطبيعية
        topic.humanitarian | humanitário | الشؤون الإنسانية
        topic.human-rights | direitos humanos | حقوق الإنسان
        topic.cso-engagement | participação da sociedade civil | إشراك المجتمع المدني
        category.state | Estado | الدولة
        category.cso | sociedade civil | المجتمع المدني
        category.traditional | líderes tradicionais | القادة التقليديون
        category.religious | líderes religiosos | القادة الدينيون
        category.women | mulheres | النساء
        category.youth | jovens | الشباب
        category.private-sector | setor privado | القطاع الخاص
        stats.intro | Incidentes públicos dos últimos 12 meses, por zona de primeiro nível (região, estado, condado). Os locais exatos nunca são mostrados aqui. | الحوادث العامة خلال الأشهر الاثني عشر الماضية، حسب منطقة المستوى الأول (الإقليم، الولاية، المقاطعة). لا تُعرض الأماكن الدقيقة هنا أبداً.
        stats.none | Nenhum incidente público nos últimos 12 meses. | لا يوجد حادث عام في الأشهر الاثني عشر الماضية.
        stats.area | Zona | المنطقة
        stats.chart | Incidentes públicos por mês | الحوادث العامة شهرياً
        howto.p1 | Se vir violência, ameaças ou tensão a crescer na sua comunidade, informe o conselho de paz ou a instância de alerta precoce que serve a sua zona. Diga o que aconteceu, onde e quando; diga se alguém ficou ferido. | إذا رأيت عنفاً أو تهديدات أو توتراً يتصاعد في مجتمعك، فأبلغ مجلس السلام أو هيئة الإنذار المبكر التي تخدم منطقتك. قل ماذا حدث وأين ومتى، وهل أصيب أحد.
        howto.p2 | O seu relato é lido por analistas formados. O seu nome e número de telefone nunca são publicados e são guardados cifrados. | يقرأ بلاغك محللون مدرّبون. لا يُنشر اسمك ولا رقم هاتفك أبداً، ويُحفظان مشفّرين.
        howto.publicForm | Relatar sem conta | الإبلاغ دون حساب
        report.publicTitle | Relatar violência ou tensão | الإبلاغ عن عنف أو توتر
        report.publicIntro | Não precisa de conta. O seu relato vai para o conselho de paz ou a instância de alerta precoce que serve o local escolhido; não é publicado. Recebe um código de recibo para verificar o que lhe aconteceu. | لا تحتاج إلى حساب. يذهب بلاغك إلى مجلس السلام أو هيئة الإنذار المبكر التي تخدم المكان الذي تختاره؛ ولا يُنشر. ستحصل على رمز إيصال للتحقق مما آل إليه.
        report.receivedPublic | Obrigado. O seu relato chegou a %@. | شكراً لك. وصل بلاغك إلى %@.
        report.receiptIs | O seu código de recibo: | رمز الإيصال الخاص بك:
        report.receiptKeep | Anote-o: só é mostrado uma vez. Com ele pode verificar o que aconteceu ao seu relato: | دوّنه: لا يُعرض إلا مرة واحدة. يمكنك به التحقق مما آل إليه بلاغك:
        receipt.title | Verificar o recibo de um relato | التحقق من إيصال بلاغ
        receipt.code | Código de recibo (por exemplo K7QM-2XPD-9RTA) | رمز الإيصال (مثلاً K7QM-2XPD-9RTA)
        receipt.check | Verificar | تحقق
        receipt.unknown | Nenhum relato tem este código de recibo. Verifique o código tal como foi anotado. | لا يوجد بلاغ بهذا الرمز. تحقق من الرمز كما دُوّن.
        receipt.slow | Demasiadas verificações a partir desta ligação; aguarde um minuto. | محاولات تحقق كثيرة من هذا الاتصال؛ انتظر دقيقة.
        receipt.reached | Chegou a %@ em %@. | وصل إلى %@ في %@.
        receipt.status.unreviewed | Recebido: à espera de que um analista o leia. | مستلم: بانتظار أن يقرأه محلل.
        receipt.status.verified | Verificado: faz parte do registo de incidentes do conselho. | متحقق منه: أصبح جزءاً من سجل حوادث المجلس.
        receipt.status.rejected | Lido, e não retido. | قُرئ، ولم يُعتمد.
        receipt.status.duplicate | Lido: foi mantido outro relato do mesmo acontecimento. | قُرئ: احتُفظ ببلاغ آخر عن الحدث نفسه.
        receipt.privacy | O recibo diz apenas o que aconteceu ao relato, nunca o que dizia nem quem o enviou. | لا يذكر الإيصال إلا ما آل إليه البلاغ، ولا يذكر أبداً مضمونه أو مرسله.
        body.phone | Telefone | الهاتف
        body.sms | SMS | الرسائل القصيرة
        body.email | E-mail | البريد الإلكتروني
        body.address | Escritório | المكتب
        howto.bodies | Quem recebe os relatos | من يتلقى البلاغات
        howto.monitors | Monitores comunitários: iniciem sessão e façam um relato | المراقبون المجتمعيون: سجّلوا الدخول وقدّموا بلاغاً
        nav.destructions | Armas destruídas | الأسلحة المدمَّرة
        nav.arms | Armas ligeiras | الأسلحة الصغيرة
        arms.title | Registo de armas ligeiras | سجل الأسلحة الصغيرة
        arms.reportOf | %@ — relatório de armas ligeiras %@ | %@ — تقرير الأسلحة الصغيرة %@
        arms.destructions | Armas destruídas à vista do público | أسلحة دُمّرت على مرأى من الجمهور
        arms.noRegister | Não mantém nenhum registo: os registos de armas ligeiras são mantidos pelos agentes de uma comissão ou ponto focal. | لا تمسك أي سجل: يمسك سجلات الأسلحة الصغيرة موظفو لجنة أو جهة تنسيق.
        arms.intro | O registo das armas e munições que a comissão detém, recolhe, apreende e destrói. Cada alteração é registada com a data e quem a fez. | سجل الأسلحة والذخائر التي تحوزها اللجنة وتجمعها وتضبطها وتدمرها. يُسجّل كل تغيير بتاريخه ومن أجراه.
        arms.body | Registo de | سجل
        arms.show | Mostrar | عرض
        arms.report | O relatório de %@ (PoA/ITI, ATT, ODS 16.4.2) | تقرير %@ (برنامج العمل/الصك الدولي للتعقب، معاهدة تجارة الأسلحة، مؤشر أهداف التنمية المستدامة 16.4.2)
        arms.register | Armas | الأسلحة
        arms.search | Número de série (parcial, * e ? permitidos) | الرقم التسلسلي (جزئي، يُسمح بـ * و ?)
        arms.find | Procurar | بحث
        arms.noWeapons | Nenhuma arma encontrada. | لم يُعثر على أي سلاح.
        arms.serial | Número de série | الرقم التسلسلي
        arms.type | Tipo | النوع
        arms.maker | Fabricante, país, modelo | الصانع، البلد، الطراز
        arms.status | Estado | الحالة
        arms.custody | Custódia | العهدة
        arms.unmarked | Sem marcação | غير موسوم
        arms.altered | Marcação alterada | وسم معدّل
        arms.newWeapon | Registar uma arma | تسجيل سلاح
        arms.field.manufacturer | Fabricante | الصانع
        arms.field.country | País de fabrico (código ISO) | بلد الصنع (رمز ISO)
        arms.field.serial | Número de série | الرقم التسلسلي
        arms.field.year | Ano de fabrico | سنة الصنع
        arms.field.model | Modelo | الطراز
        arms.field.calibre | Calibre | العيار
        arms.field.markLocations | Onde estão as marcações | مواضع الوسم
        arms.field.store | Depósito ou paiol | المخزن أو مستودع الأسلحة
        arms.registerWeapon | Registar | تسجيل
        arms.campaigns | Campanhas de recolha | حملات الجمع
        arms.noCampaigns | Ainda nenhuma campanha. | لا توجد حملة بعد.
        arms.incentives | Incentivos | الحوافز
        arms.collectedSoFar | %@ armas recolhidas até agora | جُمع %@ سلاحاً حتى الآن
        arms.recordCollection | Registar uma recolha | تسجيل عملية جمع
        arms.point | Ponto de recolha | نقطة الجمع
        arms.on | Data | التاريخ
        arms.weaponLines | Armas, uma por linha: tipo; fabricante; país; número de série; calibre — ou tipo; unmarked; descrição | الأسلحة، سلاح في كل سطر: النوع؛ الصانع؛ البلد؛ الرقم التسلسلي؛ العيار — أو النوع؛ unmarked؛ الوصف
        arms.newCampaign | Abrir uma campanha de recolha | فتح حملة جمع
        arms.campaignName | Nome da campanha | اسم الحملة
        arms.startsOn | Começa em | تبدأ في
        arms.endsOn | Termina em | تنتهي في
        arms.points | Pontos de recolha, um por linha | نقاط الجمع، نقطة في كل سطر
        arms.openCampaign | Abrir a campanha | فتح الحملة
        arms.destroy | Destruição | التدمير
        arms.recordDestruction | Registar uma destruição | تسجيل عملية تدمير
        arms.place | Local | المكان
        arms.method | Método | الطريقة
        arms.serialsDestroyed | Números de série (ou identificadores de armas) destruídos, um por linha | الأرقام التسلسلية (أو معرّفات الأسلحة) المدمَّرة، واحد في كل سطر
        arms.witnesses | Testemunhas, uma por linha (pelo menos duas) | الشهود، شاهد في كل سطر (اثنان على الأقل)
        arms.certificate | Número do certificado | رقم الشهادة
        arms.publicSummary | Resumo público (feito a partir dos números se ficar vazio) | الملخص العام (يُعدّ من الأرقام إذا تُرك فارغاً)
        arms.tracing | Pedidos de rastreio | طلبات التعقب
        arms.counterpart | Estado ou INTERPOL | الدولة أو الإنتربول
        arms.state | Estado | الحالة
        arms.due | Prazo | الموعد
        arms.act | Próximo passo | الخطوة التالية
        arms.overdue | em atraso | متأخر
        arms.newTrace | Enviar ou registar um pedido de rastreio | إرسال طلب تعقب أو تسجيله
        arms.direction | Sentido | الاتجاه
        arms.weapon | Arma | السلاح
        arms.circumstances | Circunstâncias | الملابسات
        arms.sendNow | Enviado (ou recebido) hoje | أُرسل (أو استُلم) اليوم
        arms.saveTrace | Guardar o pedido | حفظ الطلب
        arms.outcome | Resultado | النتيجة
        arms.answer | Resposta | الرد
        arms.step | Registar | تسجيل
        arms.reportIntro | Números do registo e dos seus acontecimentos, introduzidos uma só vez: as secções do relatório nacional do Programa de Ação e do Instrumento Internacional de Rastreio, o relatório do Tratado sobre o Comércio de Armas para a categoria VIII e o indicador ODS 16.4.2. Rever, assinar, exportar. | أرقام من السجل وأحداثه، تُدخل مرة واحدة: أقسام التقرير الوطني لبرنامج العمل والصك الدولي للتعقب، وتقرير معاهدة تجارة الأسلحة للفئة الثامنة، ومؤشر أهداف التنمية المستدامة 16.4.2. راجِع، ووقّع، وصدّر.
        arms.signedOn | Assinado em %@ (resumo %@) | وُقّع في %@ (البصمة %@)
        arms.changedSince | o registo mudou desde então: assine de novo | تغيّر السجل منذ ذلك الحين: وقّع مجدداً
        arms.sec.marking | Marcação | الوسم
        arms.sec.records | Manutenção de registos | حفظ السجلات
        arms.sec.tracing | Rastreio | التعقب
        arms.sec.collection | Recolha | الجمع
        arms.sec.destruction | Destruição | التدمير
        arms.sec.att | Tratado sobre o Comércio de Armas, categoria VIII (armas ligeiras e de pequeno calibre) | معاهدة تجارة الأسلحة، الفئة الثامنة (الأسلحة الصغيرة والخفيفة)
        arms.sec.sdg | Indicador ODS 16.4.2 | مؤشر أهداف التنمية المستدامة 16.4.2
        arms.weaponsMarked | Armas marcadas | الأسلحة الموسومة
        arms.markingEvents | Marcações registadas | عمليات الوسم المسجلة
        arms.onRegister | Armas no registo | الأسلحة في السجل
        arms.registeredThisYear | Registadas este ano | المسجلة هذا العام
        arms.tracesSent | Pedidos enviados | الطلبات المرسلة
        arms.tracesReceived | Pedidos recebidos | الطلبات المستلمة
        arms.destructionEvents | Destruições | عمليات التدمير
        arms.weaponsDestroyed | Armas destruídas | الأسلحة المدمَّرة
        arms.roundsDestroyed | Munições destruídas | الذخائر المدمَّرة
        arms.nilReport | Relatório nulo: nenhuma exportação ou importação de armas ligeiras e de pequeno calibre este ano. | تقرير صفري: لا صادرات ولا واردات من الأسلحة الصغيرة والخفيفة هذا العام.
        arms.exportTo | %@ exportadas para %@ | %@ صُدّرت إلى %@
        arms.importFrom | %@ importadas de %@ | %@ استُوردت من %@
        arms.sdgLine | Origem estabelecida para %@ de %@ armas apreendidas, encontradas ou entregues | تحدد المنشأ لـ %@ من %@ سلاحاً مضبوطاً أو معثوراً عليه أو مسلَّماً
        arms.csv | Descarregar os números (CSV) | تنزيل الأرقام (CSV)
        arms.sign | Assinar o relatório tal como está | توقيع التقرير بحالته الراهنة
        arms.destructionsIntro | Destruições públicas de armas recolhidas e apreendidas: quando, onde, como, quantas, e quem as testemunhou. | عمليات تدمير علنية للأسلحة المجموعة والمضبوطة: متى وأين وكيف وكم، ومن شهدها.
        arms.noDestructions | Ainda nenhuma destruição registada. | لم تُسجّل أي عملية تدمير بعد.
        arms.photos | Fotos (JPEG ou PNG, até 5; os metadados são removidos) | الصور (JPEG أو PNG، حتى 5؛ تُحذف بياناتها الوصفية)
        arms.photoOf | Armas destruídas em %@ | أسلحة دُمّرت في %@
        arms.destroyedCount | %@ armas, %@ munições | %@ سلاحاً، %@ طلقة
        weapon.revolver-or-self-loading-pistol | Revólver ou pistola | مسدس دوار أو نصف آلي
        weapon.rifle-or-carbine | Espingarda ou carabina | بندقية أو قربينة
        weapon.sub-machine-gun | Pistola-metralhadora | رشاش قصير
        weapon.assault-rifle | Espingarda de assalto | بندقية هجومية
        weapon.light-machine-gun | Metralhadora ligeira | رشاش خفيف
        weapon.heavy-machine-gun | Metralhadora pesada | رشاش ثقيل
        weapon.grenade-launcher | Lança-granadas | قاذف قنابل
        weapon.portable-anti-tank-gun | Canhão anticarro portátil | مدفع محمول مضاد للدبابات
        weapon.recoilless-rifle | Canhão sem recuo | مدفع عديم الارتداد
        weapon.portable-anti-tank-missile-launcher | Lança-mísseis anticarro portátil | قاذف صواريخ محمول مضاد للدبابات
        weapon.mortar-under-75mm | Morteiro de menos de 75 mm | هاون أقل من 75 مم
        weapon.other | Outra (artesanal, caçadeira …) | أخرى (محلية الصنع، بندقية صيد …)
        wstatus.state-stock | Arsenal do Estado | مخزون الدولة
        wstatus.licensed-civilian | Civil licenciada | مدني مرخّص
        wstatus.seized | Apreendida | مضبوط
        wstatus.surrendered | Entregue | مسلَّم
        wstatus.collected | Recolhida | مجموع
        wstatus.in-custody | Sob custódia | في العهدة
        wstatus.deactivated | Desativada | معطّل
        wstatus.destroyed | Destruída | مدمَّر
        wstatus.lost-or-stolen | Perdida ou roubada | مفقود أو مسروق
        wstatus.exported | Exportada | مُصدَّر
        method.cutting | Corte | القطع
        method.crushing | Esmagamento | السحق
        method.burning | Queima | الحرق
        method.smelting | Fundição | الصهر
        method.shredding | Trituração | التمزيق
        method.detonation | Detonação | التفجير
        method.other | Outro | أخرى
        tracing.outgoing | Enviado por nós | أرسلناه
        tracing.incoming | Recebido | مستلم
        tstate.draft | Rascunho | مسودة
        tstate.sent | Enviado | مُرسل
        tstate.acknowledged | Receção acusada | أُقرّ باستلامه
        tstate.answered | Respondido | مجاب عنه
        tstate.closed | Encerrado | مغلق
        toutcome.full | Rastreada por completo | تُعقّب بالكامل
        toutcome.partial | Rastreada em parte | تُعقّب جزئياً
        toutcome.negative | Nenhum registo encontrado | لم يُعثر على أي سجل
        ddr.programmes | Programas de DDR | برامج نزع السلاح والتسريح وإعادة الإدماج
        ddr.since | desde %@ | منذ %@
        ddr.childProtection | crianças encaminhadas para %@ | أطفال أُحيلوا إلى %@
        ddr.suppressed | Só contagens: as células abaixo de cinco são mostradas como <5 para que ninguém possa ser identificado. | أعداد فقط: تُعرض الخانات التي تقل عن خمسة بصيغة <5 حتى لا يمكن تمييز أي شخص.
        ddr.funnel | Participantes ao longo das etapas (%@ inscritos) | المشاركون عبر المراحل (%@ مسجلاً)
        ddr.by.category | Por categoria | حسب الفئة
        ddr.by.sex | Por sexo | حسب الجنس
        ddr.by.ageGroup | Por faixa etária | حسب الفئة العمرية
        ddr.by.stage | Por etapa atual | حسب المرحلة الحالية
        ddr.overTime | Armas recolhidas e destruídas, mês a mês | الأسلحة المجموعة والمدمَّرة، شهراً بشهر
        ddr.participants | Participantes (por pseudónimo) | المشاركون (بالاسم المستعار)
        ddr.noParticipants | Ainda nenhum participante inscrito. | لم يُسجّل أي مشارك بعد.
        ddr.pseudonym | Pseudónimo | الاسم المستعار
        ddr.referred | encaminhado para a proteção da criança | أُحيل إلى حماية الطفل
        ddr.register | Inscrever um participante | تسجيل مشارك
        ddr.sealed | A identidade é selada assim que é guardada; só os coordenadores do programa a podem abrir, e cada abertura é registada. Uma segunda inscrição da mesma pessoa é recusada. | تُختم الهوية بمجرد حفظها؛ لا يفتحها إلا منسقو البرنامج، ويُسجَّل كل فتح. ويُرفض تسجيل الشخص نفسه مرة ثانية.
        ddr.sex.female | Feminino | أنثى
        ddr.sex.male | Masculino | ذكر
        ddr.sex.other | Outro | آخر
        ddr.field.givenNames | Nomes próprios | الأسماء الأولى
        ddr.field.familyName | Apelido | اسم العائلة
        ddr.field.birthDate | Data de nascimento (AAAA-MM-DD, ou o ano) | تاريخ الميلاد (YYYY-MM-DD، أو السنة)
        ddr.field.placeOfOrigin | Local de origem | مكان المنشأ
        ddr.field.motherName | Nome da mãe | اسم الأم
        ddr.field.idNumber | Número do documento de identidade | رقم وثيقة الهوية
        ddr.field.faction | Grupo armado ou fação | الجماعة المسلحة أو الفصيل
        ddr.field.area | Zona (código) | المنطقة (الرمز)
        ddr.stepDetail | Critério · certificado; local · opção; prestador · identificadores de armas · nota | المعيار · الشهادة؛ الموقع · الخيار؛ مقدم الخدمة · معرّفات الأسلحة · ملاحظة
        ddrcat.combatant | Combatente | مقاتل
        ddrcat.associated | Associado a um grupo armado | مرتبط بجماعة مسلحة
        ddrcat.child | Criança | طفل
        ddrcat.dependant | Dependente | معال
        stage.registered | Inscrito | مسجّل
        stage.screened | Considerado elegível | اجتاز الفرز
        stage.ineligible | Não elegível | غير مؤهل
        stage.disarmed | Desarmado | منزوع السلاح
        stage.demobilised | Desmobilizado | مسرَّح
        stage.reinsertion | Reinserção | إعادة الإدراج
        stage.reintegration | Reintegração | إعادة الإدماج
        stage.completed | Concluído | أتمّ البرنامج
        stage.dropped-out | Desistiu | انقطع
        stage.re-recruited | Novamente recrutado | أُعيد تجنيده
        stage.deceased | Falecido | متوفى
        """
}
