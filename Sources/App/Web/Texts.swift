/// Every text of the web pages: `key | English | Français` here, `key | Português | العربية` in `tablePtAr`. A missing
/// text would fall back to English; `TextsTests` fails first.
enum Texts {
    static let all: [String: [Lang: String]] = {
        var out: [String: [Lang: String]] = [:]
        for line in table.split(separator: "\n") where !line.hasPrefix("#") {
            let cols = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cols.count >= 3, !cols[0].isEmpty else { continue }
            out[cols[0]] = [.en: cols[1], .fr: cols[2]]
        }
        for line in tablePtAr.split(separator: "\n") {
            let cols = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cols.count == 3, !cols[0].isEmpty else { continue }
            out[cols[0], default: [:]][.pt] = cols[1]
            out[cols[0], default: [:]][.ar] = cols[2]
        }
        return out
    }()

    static let table = """
        nav.submissions | Submissions | Contributions
        sub.title | Submissions to bodies | Contributions aux instances
        sub.new | Submit to a body | Saisir une instance
        sub.kind | Kind | Type
        sub.titleField | Title | Titre
        sub.summary | What you bring, and why | Ce que vous apportez, et pourquoi
        sub.topic | Topic (it goes to the competent body) | Thème (elle va à l'instance compétente)
        sub.asks | Your asks, one per line: each is answered on its own | Vos demandes, une par ligne : chacune reçoit sa réponse
        sub.organisation | On behalf of (organisation, optional) | Au nom de (organisation, facultatif)
        sub.protected | Protect my identity: only the body's coordinators see who submitted | Protéger mon identité : seuls les coordonnateurs de l'instance voient qui l'a soumise
        sub.public | Public: anyone may read it | Publique : tout le monde peut la lire
        sub.send | Submit | Soumettre
        sub.none | No submission you can read. | Aucune contribution que vous puissiez lire.
        sub.to | To | Destinataire
        sub.answerBy | Answer due | Réponse attendue le
        sub.clock | Received %@ · acknowledge by %@ · answer by %@ (working days) | Reçue le %@ · accusé de réception d'ici le %@ · réponse d'ici le %@ (jours ouvrables)
        sub.from | From %@ | De %@
        sub.askList | Asks | Demandes
        sub.held | held until published | retenue jusqu'à publication
        sub.moveOn | Move it on | Faire avancer
        sub.transferTo | Transfer to (body code) | Transférer à (code de l'instance)
        sub.answer | Answer | Répondre
        sub.answerLabel | Answer | Réponse
        sub.reason | Reason (required to reject or transfer) | Motif (obligatoire pour rejeter ou transférer)
        sub.publishNow | Publish the answers now | Publier les réponses maintenant
        sub.record | Record of responsiveness | Réactivité
        sub.intro | Civil society and citizens bring papers, petitions and grievances to a body; each is tracked until the body answers, and every body's record is public. | La société civile et les citoyens saisissent une instance de notes, pétitions et plaintes ; chacune est suivie jusqu'à la réponse, et le bilan de chaque instance est public.
        sub.anonymousNote | You are not signed in: your submission is anonymous. You get a receipt code to follow it; nobody learns who you are. | Vous n'êtes pas connecté : votre contribution est anonyme. Vous recevrez un code de suivi ; personne ne saura qui vous êtes.
        sub.anonymous | Submitted anonymously (with a receipt code). | Soumise anonymement (avec un code de suivi).
        sub.notifyEmail | E-mail me every change (optional) | M'écrire à chaque changement (facultatif)
        sub.receiptTitle | Your submission is received | Votre contribution est reçue
        sub.receiptIntro | Your %@ went to %@. Your receipt code: | Votre %@ est parvenue à %@. Votre code de suivi :
        sub.receiptKeep | Write this code down now: it is shown only once, and it is the only way to follow your submission and answer the body's questions. | Notez ce code maintenant : il n'est affiché qu'une fois, et c'est le seul moyen de suivre votre contribution et de répondre aux questions de l'instance.
        sub.receiptCheck | Follow a submission with its receipt code | Suivre une contribution avec son code
        sub.receiptField | Receipt code | Code de suivi
        sub.receiptLook | Look it up | Rechercher
        sub.files | Files | Fichiers
        sub.fileField | Add a file (PDF, photo, Word or OpenDocument, up to 5 MB) | Ajouter un fichier (PDF, photo, Word ou OpenDocument, 5 Mo au plus)
        sub.fileHint | A PDF or photo loses its author and location details; a Word or OpenDocument file keeps them, so send a PDF if your identity is protected. | Un PDF ou une photo perd ses informations d'auteur et de lieu ; un fichier Word ou OpenDocument les garde : envoyez un PDF si votre identité est protégée.
        sub.addFile | Add the file | Ajouter le fichier
        sub.clarifyField | Your answer to the body's question | Votre réponse à la question de l'instance
        sub.clarify | Send the answer | Envoyer la réponse
        sub.extendBy | Extend the deadline by (working days) | Prolonger le délai de (jours ouvrables)
        sub.extendWhy | Why (shown to the submitter) | Pourquoi (visible du demandeur)
        sub.extend | Extend | Prolonger
        sub.batchNote | This body holds answers not yet published. | Cette instance a des réponses non encore publiées.
        sub.publishAll | Publish all held answers now | Publier maintenant toutes les réponses retenues
        ireview.ask | Ask for an internal review | Demander un réexamen interne
        ireview.reason | What should the body look at again, and why? | Que doit réexaminer l'instance, et pourquoi ?
        ireview.requested | An internal review is requested. | Un réexamen interne est demandé.
        ireview.upheld | Reviewed: the body stands by its answer. | Réexaminée : l'instance maintient sa réponse.
        ireview.revised | Reviewed: the body changed its answer. | Réexaminée : l'instance a modifié sa réponse.
        ireview.decide | Decide the review | Statuer sur le réexamen
        ireview.outcome | Outcome | Issue
        ireview.found | What the review found | Conclusions du réexamen
        commit.title | Commitments | Engagements
        commit.line | %@ % done · due %@ · carried out by %@ | %@ % réalisé · échéance %@ · mis en œuvre par %@
        commit.progress | Progress (%) | Avancement (%)
        commit.due | Due | Échéance
        commit.responsible | Carried out by (body code) | Mis en œuvre par (code de l'instance)
        commit.milestones | Milestones, one per line: the date, then what; start with x when done | Étapes, une par ligne : la date, puis quoi ; commencez par x quand c'est fait
        commit.save | Save the commitment | Enregistrer l'engagement
        commit.record | Commitments: %@, %@ done, %@ late, %@ % on average | Engagements : %@, %@ tenus, %@ en retard, %@ % en moyenne
        follow.title | Follow | Suivre
        follow.none | You do not follow this submission. | Vous ne suivez pas cette contribution.
        follow.email | E-mail address for every change | Adresse e-mail pour chaque changement
        follow.start | Follow | Suivre
        follow.stop | Stop | Arrêter
        league.title | Responsiveness of bodies | Réactivité des instances
        league.intro | Every body that received a submission, the most responsive first. Confidential submissions count; nothing of them shows. | Toutes les instances saisies, les plus réactives d'abord. Les contributions confidentielles sont comptées, sans rien en montrer.
        league.csv | Download as CSV | Télécharger en CSV
        league.none | No body has received a submission yet. | Aucune instance n'a encore été saisie.
        league.received | Received | Reçues
        league.onTime | Answered on time | Réponses dans les délais
        league.median | Median working days | Médiane en jours ouvrables
        league.overdue | Overdue now | En retard
        league.commitments | Commitments | Engagements
        league.commitLine | %@ (%@ done, %@ % on average) | %@ (%@ tenus, %@ % en moyenne)
        nav.responsiveness | Responsiveness | Réactivité
        nav.forums | Forums | Forums
        notice.extend | The deadline is extended. | Le délai est prolongé.
        notice.commit | The commitment is saved. | L'engagement est enregistré.
        notice.clarify | Your answer is sent; the clock runs again. | Votre réponse est envoyée ; le délai court de nouveau.
        notice.review | The review is requested. | Le réexamen est demandé.
        notice.decide | The review is decided. | Le réexamen est tranché.
        notice.follow | You follow this submission. | Vous suivez cette contribution.
        notice.unfollow | You no longer follow it. | Vous ne la suivez plus.
        notice.publishAll | The held answers are published. | Les réponses retenues sont publiées.
        notice.submitted | Submitted. | Soumise.
        notice.step | Done. | Fait.
        notice.answer | The answers are recorded. | Les réponses sont enregistrées.
        sevent.file | file added | fichier ajouté
        sevent.commitment | commitment updated | engagement mis à jour
        sevent.published | answers published | réponses publiées
        sevent.review-requested | internal review requested | réexamen interne demandé
        sevent.review-upheld | review: answer upheld | réexamen : réponse maintenue
        sevent.review-revised | review: answer revised | réexamen : réponse modifiée
        forum.title | Dialogue forums | Forums de dialogue
        forum.intro | Standing dialogue platforms and single events that bodies convene. Who takes part is counted by category, never named. | Plateformes de dialogue permanentes et rencontres ponctuelles réunies par les instances. Les participants sont comptés par catégorie, jamais nommés.
        forum.new | Convene a forum | Réunir un forum
        forum.body | Convened by | Réuni par
        forum.name | Name | Nom
        forum.mandate | Mandate | Mandat
        forum.standing | standing forum | forum permanent
        forum.event | single event | rencontre ponctuelle
        forum.kind | Kind | Nature
        forum.targets | Inclusion targets (UNSCR 1325, 2250) | Objectifs d'inclusion (résolutions 1325, 2250)
        forum.convene | Convene | Réunir
        forum.none | No forum yet. | Aucun forum pour l'instant.
        forum.sessions | Sessions | Séances
        forum.noSessions | No session recorded yet. | Aucune séance enregistrée.
        forum.people | %@ people | %@ personnes
        forum.record | Record a session | Enregistrer une séance
        forum.heldOn | Held on | Tenue le
        forum.agenda | Agenda | Ordre du jour
        forum.category | Category | Catégorie
        forum.women | Women | Femmes
        forum.men | Men | Hommes
        forum.youth | Of them under 35 | Dont moins de 35 ans
        forum.resolutions | Resolutions, one per line | Résolutions, une par ligne
        inclusion.title | Inclusion (%@ people in all sessions) | Inclusion (%@ personnes sur toutes les séances)
        inclusion.quarter | Inclusion in forums, %@ | Inclusion dans les forums, %@
        inclusion.noneThisQuarter | No forum session this quarter. | Aucune séance de forum ce trimestre.
        inclusion.measure | Measure | Mesure
        inclusion.share | Share | Part
        inclusion.target | Target | Objectif
        inclusion.short | short of the target | en deçà de l'objectif
        inclusion.women | Women | Femmes
        inclusion.youth | Young people | Jeunes
        inclusion.cso | Civil society | Société civile
        inclusion.traditionalAndReligious | Traditional and religious leaders | Autorités traditionnelles et religieuses
        acc.register | Register of accredited organisations | Registre des organisations accréditées
        acc.registerIntro | Who is accredited to which body, in which category, since when and until when, and every past suspension with its grounds. | Qui est accrédité auprès de quelle instance, dans quelle catégorie, depuis quand et jusqu'à quand, et chaque suspension passée avec ses motifs.
        acc.allBodies | All bodies | Toutes les instances
        acc.none | No organisation is accredited yet. | Aucune organisation n'est encore accréditée.
        acc.organisation | Organisation | Organisation
        acc.body | Accredited to | Accréditée auprès de
        acc.category | Category | Catégorie
        acc.status | Status | Statut
        acc.term | Term | Durée
        acc.suspendedOn | suspended %@: %@ | suspendue le %@ : %@
        acc.applications | Accreditation | Accréditation
        acc.applicationOf | Application of %@ | Demande de %@
        acc.apply | Apply for accreditation | Demander une accréditation
        acc.target | To which body, in which category | Auprès de quelle instance, dans quelle catégorie
        acc.statement | What the organisation does, and why it applies | Ce que fait l'organisation, et pourquoi elle demande
        acc.send | Apply | Déposer la demande
        acc.noApplications | No application you can read. | Aucune demande que vous puissiez lire.
        acc.decisionLine | Decided by %@ at %@: %@ | Décision de %@, session %@ : %@
        acc.deferredTo | Deferred to %@ | Reportée à %@
        acc.answerQuestions | Your answers to the body's questions | Vos réponses aux questions de l'instance
        acc.sendAnswers | Send the answers | Envoyer les réponses
        acc.withdraw | Withdraw the application | Retirer la demande
        acc.decide | The body's step | Étape de l'instance
        acc.note | Note, or the questions to the applicant | Note, ou les questions au demandeur
        acc.criteria | Criteria of the category | Critères de la catégorie
        acc.evidence | Evidence | Éléments
        acc.decision | Decision (to defer, recommend, grant or refuse) | Décision (report, recommandation, octroi ou refus)
        acc.organ | Deciding organ | Organe de décision
        acc.session | Session | Session
        acc.consensus | By consensus | Par consensus
        acc.votesFor | Votes for | Voix pour
        acc.votesAgainst | Votes against | Voix contre
        acc.abstentions | Abstentions | Abstentions
        acc.reasons | Reasons | Motifs
        acc.deferredToField | Deferred to (session) | Reportée à (session)
        acc.record | Record the step | Enregistrer l'étape
        accstatus.active | active | active
        accstatus.renewal-due | renewal due | renouvellement dû
        accstatus.hearing | suspension proposed, hearing | suspension proposée, audition
        accstatus.suspended | suspended | suspendue
        accstatus.expired | expired | expirée
        accstatus.withdrawn | withdrawn | retirée
        appstate.draft | draft | brouillon
        appstate.submitted | submitted | déposée
        appstate.completeness-check | completeness check | vérification de complétude
        appstate.under-review | under review | en examen
        appstate.questions | questions to the applicant | questions au demandeur
        appstate.deferred | deferred | reportée
        appstate.recommended | recommended | recommandée
        appstate.granted | granted | accordée
        appstate.refused | refused | refusée
        appstate.withdrawn | withdrawn | retirée
        verdict.met | met | rempli
        verdict.not-met | not met | non rempli
        verdict.unclear | unclear | incertain
        notice.applied | The application is made. | La demande est déposée.
        nav.register | Register | Registre
        sub.recordLine | %@ submissions received, %@ answered; answered on time: %@; median working days to answer: %@; overdue now: %@ | %@ contributions reçues, %@ traitées ; réponses dans les délais : %@ ; médiane de jours ouvrables pour répondre : %@ ; en retard aujourd'hui : %@
        skind.position-paper | position paper | note de position
        skind.petition | petition | pétition
        skind.recommendation | recommendation | recommandation
        skind.grievance | grievance | plainte
        skind.forum-resolution | forum resolution | résolution de forum
        sstate.received | received | reçue
        sstate.acknowledged | acknowledged | accusé de réception
        sstate.under-consideration | under consideration | en examen
        sstate.clarification-requested | clarification requested | précision demandée
        sstate.answered | answered | traitée
        sstate.transferred | transferred | transférée
        sflag.on-time | on time | dans les délais
        sflag.overdue | overdue | en retard
        sflag.very-overdue | very overdue | très en retard
        sevent.received | received | reçue
        sevent.acknowledged | acknowledged | accusé de réception
        sevent.under-consideration | under consideration | en examen
        sevent.clarification-requested | clarification requested | précision demandée
        sevent.answered | answered | traitée
        sevent.transferred | transferred | transférée
        sevent.answers | answers recorded | réponses consignées
        sevent.extended | deadline extended | délai prolongé
        sevent.overdue | overdue | en retard
        sevent.very-overdue | very overdue | très en retard
        sevent.escalated | escalated to | portée devant
        answer.accepted | accepted | acceptée
        answer.partly-accepted | partly accepted | acceptée en partie
        answer.rejected | rejected | rejetée
        answer.not-for-us | not for this body | hors de notre compétence
        med.board | Mediations | Médiations
        med.document | Document %@ | Document %@
        med.open | Open a mediation case | Ouvrir un dossier de médiation
        med.title | What the dispute is | L'objet du différend
        med.topic | What it is about | Sur quoi il porte
        med.mode | Mode | Mode
        med.partyLines | The parties, one per line | Les parties, une par ligne
        med.yourName | Your name, as mediator | Votre nom, comme médiateur
        med.declaration | Your conflict-of-interest declaration: any tie to a party, or none | Votre déclaration de conflit d'intérêts : tout lien avec une partie, ou aucun
        med.consentTitle | Consent of the parties | Consentement des parties
        med.saveConsent | Save | Enregistrer
        med.none | No mediation case you can read. | Aucun dossier de médiation que vous puissiez lire.
        med.case | Case | Dossier
        med.state | State | État
        med.body | Mediating body | Instance médiatrice
        med.areas | Areas | Zones
        med.track | Track | Voie
        med.reach | You read this case as: %@ | Vous lisez ce dossier en tant que : %@
        med.table | Parties | Parties
        med.name | Name | Nom
        med.role | Role | Rôle
        med.consent | Consent | Consentement
        med.mediators | Mediators | Médiateurs
        med.declared | conflict-of-interest declaration signed %@ | déclaration de conflit d'intérêts signée le %@
        med.sessions | Sessions | Séances
        med.inclusion | %@ people attended in all; women %@, young people %@ | %@ personnes présentes en tout ; femmes %@, jeunes %@
        med.attended | %@: %@ women, %@ men, of whom %@ young | %@ : %@ femmes, %@ hommes, dont %@ jeunes
        med.nextStep | Next: %@ — %@, by %@ | Suite : %@ — %@, d'ici le %@
        med.agreements | Agreements | Accords
        med.move | Move the case on | Faire avancer le dossier
        med.nextState | New state | Nouvel état
        med.addSession | Record a session | Consigner une séance
        med.date | Date held | Date de la séance
        med.area | Where | Lieu
        med.format | Format | Format
        med.attendance | Who came | Participants
        med.category | Group (e.g. elders, youth, women's groups) | Groupe (p. ex. anciens, jeunes, groupes de femmes)
        med.women | Women | Femmes
        med.men | Men | Hommes
        med.youth | Of whom young (under 35) | Dont jeunes (moins de 35 ans)
        med.note | Note | Note
        med.visibility | Who may read the note | Qui peut lire la note
        med.nextAction | Next step | Prochaine étape
        med.due | Due | Échéance
        med.recordAgreement | Record the agreement | Consigner l'accord
        vis.mediators-only | mediators only | médiateurs seulement
        vis.parties | the parties | les parties
        vis.body | the mediating body | l'instance médiatrice
        vis.public | anyone | tout le monde
        mstate.referred | referred | saisi
        mstate.consent-pending | waiting for consent | consentement attendu
        mstate.pre-negotiation | pre-negotiation | pré-négociation
        mstate.negotiation | negotiation | négociation
        mstate.agreement | agreement reached | accord conclu
        mstate.suspended | suspended | suspendu
        mstate.failed | failed | échoué
        mstate.withdrawn | withdrawn | retiré
        mstate.implementation | implementation | mise en œuvre
        mstate.closed | closed | clos
        mmode.mediation | mediation | médiation
        mmode.facilitation | facilitation | facilitation
        mmode.good-offices | good offices | bons offices
        mmode.dialogue | dialogue | dialogue
        prole.party | party | partie
        prole.signatory | signatory | signataire
        prole.guarantor | guarantor | garant
        prole.witness | witness | témoin
        prole.observer | observer | observateur
        consent.pending | not yet | pas encore
        consent.given | given | donné
        consent.refused | refused | refusé
        sformat.joint | joint session | séance conjointe
        sformat.caucus | caucus | aparté
        sformat.shuttle | shuttle | navette
        mevent.opened | opened | ouvert
        mevent.state | state changed | changement d'état
        mevent.session | session recorded | séance consignée
        mevent.table | parties or mediators changed | parties ou médiateurs modifiés
        mevent.agreement | agreement recorded | accord consigné
        mevent.stall | commitments stalled | engagements au point mort
        agr.list | Peace agreements | Accords de paix
        agr.intro | What was promised, what is done, and the evidence for it. Scores run from 0 (not initiated) to 3 (fully implemented), as in the Peace Accords Matrix; each is checked by a second reviewer before it is published. | Ce qui a été promis, ce qui est fait, et sur quelles preuves. Les notes vont de 0 (non entamé) à 3 (pleinement mis en œuvre), comme dans la Peace Accords Matrix ; chacune est vérifiée par une seconde personne avant publication.
        agr.tracked | Agreements followed here | Accords suivis ici
        agr.noneTracked | No agreement is followed here yet. | Aucun accord n'est encore suivi ici.
        agr.search | Search the peace agreements database (PA-X) | Chercher dans la base d'accords de paix (PA-X)
        agr.searchLabel | Words in the title | Mots du titre
        agr.searchButton | Search | Chercher
        agr.noneFound | No agreement found. | Aucun accord trouvé.
        agr.title | Title | Titre
        agr.signedOn | Signed on | Signé le
        agr.country | Country | Pays
        agr.parties | Parties (; between them) | Parties (séparées par ;)
        agr.text | Text | Texte
        agr.stipulationLines | Commitments, one per line, the fields between vertical bars: code, theme, promise, who must act (; between several), due date YYYY-MM-DD or nothing, how it is verified | Engagements, un par ligne, les champs séparés par des barres verticales : code, thème, promesse, qui doit agir (séparés par ;), échéance AAAA-MM-JJ ou rien, comment le vérifier
        agr.classification | Who may read it until published | Qui peut le lire avant publication
        agr.thirdParties | Third parties | Tierces parties
        agr.themes | Themes (PA-X, depth 1–3) | Thèmes (PA-X, profondeur 1 à 3)
        agr.done | Implemented: %@ | Mis en œuvre : %@
        agr.chart | Implementation month by month | Mise en œuvre mois par mois
        agr.reviewers | The second reviewer agreed with the first on %@ of %@ scores | La seconde personne a confirmé la première sur %@ notes sur %@
        agr.theme | Theme | Thème
        agr.share | Implemented | Mis en œuvre
        agr.commitments | Commitments | Engagements
        agr.allege | Report a violation of this agreement | Signaler une violation de cet accord
        agr.when | When it happened | Date des faits
        agr.byWhom | By whom (a party) | Par qui (une partie)
        agr.whatHappened | What happened | Ce qui s'est passé
        agr.team | Investigation team (names, separated by commas) | Équipe d'enquête (noms séparés par des virgules)
        agr.finding | Finding | Conclusion
        agr.respondent | Party answering | Partie qui répond
        agr.violationOf | This incident is a violation of an agreement, found and published: the agreement | Cet incident est une violation d'un accord, établie et publiée : l'accord
        agr.actors | Who keeps their promises | Qui tient ses promesses
        agr.code | No. | N°
        agr.promise | Promise | Promesse
        agr.who | Who must act | Qui doit agir
        agr.score | Score | Note
        agr.evidence | Evidence | Preuves
        agr.due | due %@ | échéance %@
        agr.export | Scores as CSV | Notes en CSV
        agr.violations | Alleged violations | Violations alléguées
        agr.toReview | Scores waiting for a second reviewer | Notes en attente d'une seconde lecture
        agr.yourScore | Your own score | Votre propre note
        agr.reviewPublish | Review and publish | Relire et publier
        agr.scoreTitle | Score a commitment | Noter un engagement
        agr.stipulation | Commitment | Engagement
        agr.month | Month | Mois
        agr.evidenceKind | Kind of evidence | Type de preuve
        agr.evidenceRef | Evidence: a record id or a web address | Preuve : identifiant d'un dossier ou adresse web
        agr.evidenceNote | What it shows | Ce qu'elle montre
        agr.scoreButton | Record the score | Enregistrer la note
        pam.0 | not initiated | non entamé
        pam.1 | minimal | minimal
        pam.2 | intermediate | intermédiaire
        pam.3 | full | complet
        stall.overdue | Overdue since %@ | En retard depuis le %@
        stall.no-progress | No progress since %@ | Aucun progrès depuis %@
        evidence.incident | incident | incident
        evidence.report | report | signalement
        evidence.document | document | document
        evidence.session | session | séance
        evidence.link | link | lien
        vstate.alleged | alleged | alléguée
        vstate.preliminary-check | preliminary check | vérification préliminaire
        vstate.investigation | under investigation | en cours d'enquête
        vstate.finding | finding made | conclusion rendue
        vstate.responses | parties answering | réponses des parties
        vstate.published | published | publiée
        vstate.dismissed | dismissed | classée
        finding.substantiated | substantiated | établie
        finding.unsubstantiated | not substantiated | non établie
        finding.inconclusive | inconclusive | non concluante
        nav.mediations | Mediations | Médiations
        nav.agreements | Agreements | Accords
        error.title | Something went wrong | Une erreur s'est produite
        error.notFound | Not found | Introuvable
        error.forbidden | Not allowed | Non autorisé
        error.internal | The server could not answer. The error is logged; try again later. | Le serveur n'a pas pu répondre. L'erreur est consignée ; réessayez plus tard.
        signin.title | Sign in | Connexion
        signin.username | Username | Nom d'utilisateur
        signin.password | Password | Mot de passe
        fed.title | Federation | Fédération
        fed.installation | This installation | Cette installation
        fed.off | federation off (AGORA_INSTALLATION_ID not set) | fédération désactivée (AGORA_INSTALLATION_ID absent)
        fed.role | Role | Rôle
        fed.hub | regional hub | plateforme régionale
        fed.national | national installation | installation nationale
        fed.key | Public key (Ed25519) | Clé publique (Ed25519)
        fed.link | Link | Liaison
        fed.up | connected; last contact %@ | connectée ; dernier contact %@
        fed.down | not connected since %@: %@ | non connectée depuis %@ : %@
        fed.noLink | no link running here (AGORA_NATS_URL not set) | aucune liaison ici (AGORA_NATS_URL absent)
        fed.peers | Peers (%@) | Pairs (%@)
        fed.peer | Peer | Pair
        fed.pending | Waiting to send | En attente d'envoi
        fed.oldestPending | Oldest waiting since | Plus ancien en attente depuis
        fed.sent | Sent | Envoyés
        fed.lastSent | Last sent | Dernier envoi
        fed.received | Received | Reçus
        fed.lastReceived | Last received | Dernière réception
        fed.quarantined | Quarantined | En quarantaine
        fed.agreements | Data-sharing agreements (%@) | Accords de partage de données (%@)
        fed.agreement | Agreement | Accord
        fed.from | From | De
        fed.to | To | À
        fed.state | State | État
        fed.quarantine | Quarantine (%@) | Quarantaine (%@)
        fed.quarantineIntro | Events refused on arrival — forged, outside an agreement, from an unknown installation or a newer schema — held here, never applied. Release checks one again against today's peers and agreements and applies it only if it now passes. | Événements refusés à l'arrivée — falsifiés, hors accord, d'une installation inconnue ou d'un schéma plus récent — gardés ici, jamais appliqués. « Réessayer » vérifie de nouveau l'événement selon les pairs et accords du jour et ne l'applique que s'il passe.
        fed.what | Action | Action
        fed.release | Release | Réessayer
        fed.discard | Discard | Écarter
        fed.at | When | Quand
        fed.sender | Sender | Expéditeur
        fed.subject | Subject | Sujet
        fed.reason | Reason | Motif
        fed.receivedTitle | Received records (%@ events) | Enregistrements reçus (%@ événements)
        fed.origin | From installation | Installation d'origine
        fed.kind | Event | Événement
        fed.record | Record | Enregistrement
        fed.where | Where | Où
        fed.ended | agreement ended %@ | accord terminé le %@
        fed.cli | Peers and agreements are managed through /api/v1/federation; `agora federation status` prints these figures (docs/FEDERATION.md). | Pairs et accords se gèrent par /api/v1/federation ; `agora federation status` affiche ces chiffres (docs/FEDERATION.md).
        admin.federation | Federation: peers, agreements, quarantine | Fédération : pairs, accords, quarantaine
        fed.purpose | Purpose | Finalité
        fed.scope | Scope | Portée
        admin.title | Administration | Administration
        admin.settings | Risk thresholds and response deadlines | Seuils de risque et délais de réponse
        admin.thresholds | Thresholds, %@ | Seuils, %@
        admin.proposeAt | Propose an alert from level | Proposer une alerte à partir du niveau
        admin.proposeAtChance | Also propose an alert when the forecast gives deadly violence at least this chance (%, empty: never) | Proposer aussi une alerte quand la prévision donne des violences meurtrières avec au moins cette probabilité (%, vide : jamais)
        admin.deadlines | Hours to acknowledge, by severity | Heures pour accuser réception, selon la gravité
        admin.people | People (%@) | Personnes (%@)
        admin.name | Name | Nom
        admin.roles | Roles | Rôles
        admin.disabled | disabled | désactivé
        admin.installationAdmin | installation administrator; | administrateur de l'installation ;
        admin.cli | Accounts and roles are created with `agora users create` and `agora users grant`, or through the API. | Les comptes et rôles se créent avec `agora users create` et `agora users grant`, ou par l'API.
        admin.forms | Forms for ODK Collect and KoboCollect | Formulaires pour ODK Collect et KoboCollect
        admin.formsIntro | Monitors give their app the server address %@ with their username and password. Agora's own form is always offered; an XLSForm uploaded here is offered beside it, its answers read with the mapping (docs/CHANNELS.md). | Les moniteurs donnent à leur application l'adresse du serveur %@ avec leur nom d'utilisateur et leur mot de passe. Le formulaire d'Agora est toujours proposé ; un XLSForm déposé ici l'est à côté, ses réponses lues avec la correspondance (docs/CHANNELS.md).
        admin.formID | Form | Formulaire
        admin.formVersion | Version | Version
        admin.formOwn | Agora report (from the framework and the areas) | Signalement Agora (d'après la grille et les lieux)
        admin.formFile | XLSForm (.xlsx) | XLSForm (.xlsx)
        admin.formMapping | Mapping of its questions to a report (JSON) | Correspondance de ses questions avec un signalement (JSON)
        admin.formBody | Body its reports are filed with (code, optional) | Instance auprès de laquelle ses signalements sont déposés (code, facultatif)
        admin.formPublish | Publish the form | Publier le formulaire
        notice.quarantineReleased | The event passed the checks and was applied. | L'événement a passé les contrôles et a été appliqué.
        notice.quarantineDiscarded | The event was discarded; the audit trail keeps its record. | L'événement a été écarté ; le journal d'audit en garde la trace.
        notice.formPublished | The form is published: Collect offers it at its next refresh. | Le formulaire est publié : Collect le propose à sa prochaine mise à jour.
        nav.admin | Administration | Administration
        risk.trendTable | Week by week | Semaine par semaine
        nav.skip | Skip to content | Aller au contenu
        nav.main | Main | Principal
        nav.home | Home | Accueil
        nav.report | File a report | Signaler
        nav.queue | Review queue | File de vérification
        nav.risk | Risk | Risque
        nav.alerts | Alerts | Alertes
        nav.cases | Cases | Dossiers
        nav.directory | Directory | Annuaire
        nav.statistics | Statistics | Statistiques
        nav.howto | How to report | Comment signaler
        nav.feed | Public alert feed (Atom/CAP) | Flux public des alertes (Atom/CAP)
        nav.signin | Sign in | Se connecter
        nav.signout | Sign out | Se déconnecter
        home.title.public | Early warning and response | Alerte précoce et réponse
        home.title.signed | Welcome, %@ | Bienvenue, %@
        home.intro | Community monitors report, analysts verify, alerts reach the lowest body able to act, and every step is on the record. | Les moniteurs communautaires signalent, les analystes vérifient, les alertes parviennent à l'instance la plus proche capable d'agir, et chaque étape est consignée.
        home.publicAlerts | Public alerts | Alertes publiques
        home.noAlerts | No alert at the moment. | Aucune alerte pour le moment.
        home.howto | Report violence or rising tension to the peace council near you. | Signalez la violence ou les tensions au conseil de paix le plus proche.
        home.directory | %@ bodies, from the community to the United Nations. | %@ instances, de la communauté aux Nations unies.
        home.statistics | Incidents by region and month, without exact places. | Incidents par région et par mois, sans lieux précis.
        home.fileReport | File a report | Faire un signalement
        home.myReports | Your recent reports | Vos derniers signalements
        home.noReports | You have not filed a report yet. | Vous n'avez encore fait aucun signalement.
        home.queue | Review queue (%@ waiting) | File de vérification (%@ en attente)
        home.queueEmpty | Nothing waits for review. | Rien n'attend de vérification.
        home.openQueue | Open the review queue | Ouvrir la file de vérification
        home.rising | Rising areas this week | Zones en hausse cette semaine
        home.noRising | No area above low risk this week. | Aucune zone au-dessus d'un risque faible cette semaine.
        home.proposals | Alerts proposed by the system | Alertes proposées par le système
        home.noProposals | No proposal waits. | Aucune proposition en attente.
        home.cases | Open cases of your body | Dossiers ouverts de votre instance
        home.noCases | No open case. | Aucun dossier ouvert.
        home.admin | Installation | Installation
        home.adminBodies | %@ bodies | %@ instances
        home.adminPeople | %@ accounts | %@ comptes
        home.adminAreas | %@ areas | %@ zones
        home.adminFailed | %@ failed notifications | %@ notifications en échec
        home.adminThresholds | Alerts proposed from level %@; Severe alerts acknowledged within %@ h | Alertes proposées à partir du niveau %@ ; alertes graves à accuser sous %@ h
        report.title | File a report | Faire un signalement
        report.whatHappened | What happened? (choose one or more) | Que s'est-il passé ? (un choix ou plus)
        report.describe | Describe it | Décrivez
        report.whenDate | When (date) | Quand (date)
        report.where | Where | Où
        report.choosePlace | — choose the place — | — choisissez le lieu —
        report.fileWith | File with | Déposer auprès de
        report.gps | Use my location | Utiliser ma position
        report.gpsWait | Finding your location… | Recherche de votre position…
        report.gpsDone | Location added. | Position ajoutée.
        report.gpsFail | Location unavailable; choose the place above. | Position indisponible ; choisissez le lieu ci-dessus.
        report.more | More details | Plus de détails
        report.media | Photos and a recording | Photos et un enregistrement
        report.mediaHint | Up to 3 photos and one recording. Where a photo was taken is removed before it is stored; only people who may read this report see them. | Jusqu’à 3 photos et un enregistrement. Le lieu de prise de vue est retiré avant l’enregistrement ; seules les personnes autorisées à lire ce signalement les voient.
        report.photo | Photos | Photos
        report.photoWait | Making the photos smaller… | Réduction des photos…
        report.photoDone | %@ photo(s) ready, %@ KB. | %@ photo(s) prête(s), %@ Ko.
        report.audio | Recording | Enregistrement
        review.media | Photos and recordings | Photos et enregistrements
        review.photo | Photo %@ of the report | Photo %@ du signalement
        report.time | Time (HH:MM) | Heure (HH:MM)
        report.lat | Latitude | Latitude
        report.lon | Longitude | Longitude
        report.killed | Killed | Tués
        report.injured | Injured | Blessés
        report.displaced | Displaced | Déplacés
        report.send | Send report | Envoyer le signalement
        report.draftRestored | Your unsent draft was restored. | Votre brouillon non envoyé a été restauré.
        report.received | Report received by %@. Reference: %@. | Signalement reçu par %@. Référence : %@.
        incidents.title | Incidents | Incidents
        incidents.map | The latest %@ incidents with a location, grouped where they are close | Les %@ derniers incidents localisés, regroupés quand ils sont proches
        incidents.here | %@ incident(s) here | %@ incident(s) ici
        incidents.export | Download what is shown: | Télécharger ce qui est affiché :
        incidents.none | No incident matches. | Aucun incident ne correspond.
        incidents.more | Older incidents → | Incidents plus anciens →
        filter.words | Words | Mots
        filter.place | Place (and everything in it) | Lieu (et tout ce qu'il contient)
        filter.anywhere | anywhere | partout
        filter.from | From | Du
        filter.to | To | Au
        filter.indicator | Indicator | Indicateur
        filter.anyIndicator | any indicator | tout indicateur
        filter.anyState | any state | tout état
        filter.anySeverity | any severity | toute gravité
        filter.anySource | any source | toute source
        filter.anyClassification | any classification | toute classification
        filter.classification | Classification | Classification
        sourceKind.reporter | a registered reporter | un informateur enregistré
        sourceKind.monitor | a monitor | un observateur
        sourceKind.media | the media | les médias
        sourceKind.partner | a partner | un partenaire
        sourceKind.anonymous | the public, anonymously | le public, anonymement
        filter.overdue | Overdue only | En retard seulement
        filter.apply | Filter | Filtrer
        filter.clear | Clear the filters | Effacer les filtres
        nav.incidents | Incidents | Incidents
        report.searchPlace | Search the places | Chercher un lieu
        report.chooseDistrict | Your location is in %@, but this installation cannot tell the district from it. Choose the district (nearest first): | Votre position est en %@, mais cette installation ne peut pas en déduire le district. Choisissez le district (le plus proche d'abord) :
        report.alreadyReceived | This report had already reached %@ (reference %@); it is not stored twice. | Ce signalement était déjà parvenu à %@ (référence %@) ; il n'est pas enregistré deux fois.
        report.queueTitle | Waiting to be sent from this phone | En attente d'envoi depuis ce téléphone
        report.queued | No connection: the report is kept on this phone and will be sent when the connection returns. | Pas de connexion : le signalement est gardé sur ce téléphone et sera envoyé au retour de la connexion.
        report.queueWaiting | waiting for a connection | en attente de connexion
        report.queueSending | sending… | envoi…
        report.queueSent | received | reçu
        report.queueRefused | refused by the server: open it to correct it | refusé par le serveur : ouvrez-le pour le corriger
        report.queueOpen | Open in the form | Ouvrir dans le formulaire
        report.queueUnsent | %@ report(s) written on this phone are not sent yet. Sign out and delete them from this phone? | %@ signalement(s) écrit(s) sur ce téléphone ne sont pas encore envoyés. Se déconnecter et les effacer de ce téléphone ?
        report.when | When | Quand
        report.what | What | Quoi
        report.status | Status | État
        report.indicators | Indicators | Indicateurs
        report.body | Body | Instance
        report.harm | Killed %@, injured %@, displaced %@ | Tués %@, blessés %@, déplacés %@
        report.source | Source | Source
        queue.title | Review queue | File de vérification
        queue.intro | Unreviewed reports you may verify, oldest first. | Signalements non vérifiés que vous pouvez traiter, les plus anciens d'abord.
        review.heading | Review a report | Vérifier un signalement
        review.decide | Decide | Décider
        review.title | Incident title (optional) | Titre de l'incident (facultatif)
        review.verify | Verify: make it an incident | Vérifier : en faire un incident
        review.reason | Reason for rejecting | Motif du rejet
        review.reject | Reject | Rejeter
        review.noDuplicates | No similar report found. | Aucun signalement semblable.
        review.this | This report | Ce signalement
        review.similar | Similar reports | Signalements semblables
        review.score | Similarity %@ · %@ day(s) apart · %@ km | Similarité %@ · %@ jour(s) d'écart · %@ km
        review.duplicate | Same event: mark as duplicate | Même événement : doublon
        review.join | Verify into this report's incident | Vérifier dans l'incident de ce signalement
        review.incident | Open the incident | Ouvrir l'incident
        incident.map | Where: %@ | Lieu : %@
        incident.indicators | Indicators | Indicateurs
        incident.sources | Independent sources: %@ | Sources indépendantes : %@
        incident.reports | Reports | Signalements
        incident.audit | Audit trail | Journal d'audit
        audit.when | When | Quand
        audit.who | Who | Qui
        audit.what | What | Quoi
        sitrep.new | Write a situation report | Rédiger un rapport de situation
        sitrep.period | Period | Période
        sitrep.weekly | Weekly | Hebdomadaire
        sitrep.monthly | Monthly | Mensuel
        sitrep.start | First day | Premier jour
        sitrep.titleField | Title | Titre
        sitrep.narrative | Narrative | Récit
        sitrep.save | Save | Enregistrer
        field.classification | Who may read it | Qui peut le lire
        class.public | Public: anyone | Public : tout le monde
        class.internal | Internal: anyone signed in | Interne : toute personne connectée
        class.restricted | Restricted: the body and those above | Restreint : l'instance et celles au-dessus
        class.confidential | Confidential: named people and bodies | Confidentiel : personnes et instances nommées
        risk.title | Risk, %@ | Risque, %@
        risk.low | low | faible
        risk.moderate | moderate | modéré
        risk.high | high | élevé
        risk.critical | critical | critique
        risk.country | Country | Pays
        risk.levelOfAreas | Areas | Zones
        risk.period | Week or month | Semaine ou mois
        risk.show | Show | Afficher
        risk.levelsBySize | A bigger area adds up more incidents, so its levels start higher. Moderate, high and critical from: | Une zone plus grande cumule plus d'incidents : ses niveaux commencent plus haut. Modéré, élevé et critique à partir de :
        risk.thresholdsAt | %@ %@ / %@ / %@ | %@ %@ / %@ / %@
        risk.spillLegend | dashed outline: rising risk next door, across borders too | contour pointillé : risque en hausse à côté, y compris de l'autre côté d'une frontière
        risk.noShapes | No boundary shapes are stored for these areas; the tables below list them. | Aucune limite n'est enregistrée pour ces zones ; les tableaux ci-dessous les listent.
        risk.countryView | No shapes are stored at this level for this country: the map shows the country and the countries it borders; the tables below keep the level you chose. | Aucune limite n'est enregistrée à ce niveau pour ce pays : la carte montre le pays et ses voisins ; les tableaux ci-dessous gardent le niveau choisi.
        risk.mapTitle | Risk in %@, %@ | Risque : %@, %@
        forecast.title | Forecast | Prévision
        forecast.top | Most likely to see deadly violence, %@ | Plus exposés à des violences meurtrières, %@
        forecast.pFatal | Chance of deadly violence | Probabilité de violences meurtrières
        forecast.pViolent | Chance of any violent event | Probabilité d'un événement violent
        forecast.deaths | Expected deaths | Décès attendus
        forecast.interval | %@ (8 in 10 chances between %@ and %@) | %@ (8 chances sur 10 entre %@ et %@)
        forecast.period | For %@ | Pour %@
        forecast.drivers | What weighs most | Ce qui pèse le plus
        forecast.raises | raises it | l'augmente
        forecast.lowers | lowers it | la diminue
        forecast.model | Model trained on %@ to %@ (%@ area-periods), on this installation's own history. | Modèle entraîné de %@ à %@ (%@ zones-périodes), sur l'historique propre à cette installation.
        forecast.none | No forecast yet: the models are trained weekly from the installation's history. | Pas encore de prévision : les modèles sont entraînés chaque semaine sur l'historique de l'installation.
        forecast.recordLink | How often our forecasts came true | À quelle fréquence nos prévisions se sont vérifiées
        forecast.record | How often our forecasts came true | À quelle fréquence nos prévisions se sont vérifiées
        forecast.recordIntro | Each month Agora gives, for every region, the chance of at least one deadly event in the month ahead. Here is how those chances compared with what happened, tested on past years the model had not seen. | Chaque mois, Agora donne pour chaque région la probabilité d'au moins un événement meurtrier le mois suivant. Voici comment ces probabilités se sont comparées à ce qui s'est passé, testées sur des années passées que le modèle n'avait pas vues.
        forecast.recordSentence | When we said about %@, it happened %@ of the time, over %@ forecasts. | Quand nous annoncions environ %@, c'est arrivé %@ du temps, sur %@ prévisions.
        forecast.recordChart | Forecast chance against how often it happened | Probabilité annoncée et fréquence observée
        forecast.said | We said | Nous annoncions
        forecast.happened | It happened | C'est arrivé
        forecast.count | Forecasts | Prévisions
        forecast.skill | Compared with simpler rules | Comparaison avec des règles plus simples
        forecast.method | Method | Méthode
        forecast.brier | Brier score (lower is better) | Score de Brier (plus bas, meilleur)
        forecast.auc | Ranking (AUC, higher is better) | Classement (AUC, plus haut, meilleur)
        forecast.onsets | Where nothing deadly had happened in the three months before | Là où rien de meurtrier ne s'était produit les trois mois précédents
        forecast.live | Forecasts stored since, scored against what then happened: %@ forecasts, Brier score %@. | Prévisions enregistrées depuis, comparées à ce qui s'est ensuite passé : %@ prévisions, score de Brier %@.
        forecast.noRecord | No record yet: it appears once the models have been trained on enough history. | Pas encore de bilan : il apparaît une fois les modèles entraînés sur assez d'historique.
        forecast.colourBy | Colour the map by | Colorer la carte selon
        forecast.byRisk | risk level this period | niveau de risque de la période
        forecast.byChance | chance of deadly violence next | probabilité de violences meurtrières à venir
        forecast.chanceLegend | Chance of deadly violence: under 10 %, 10–30 %, 30–60 %, over 60 % | Probabilité de violences meurtrières : moins de 10 %, 10–30 %, 30–60 %, plus de 60 %
        method.model | Agora's forecast | Prévision d'Agora
        method.climatology | Same chance everywhere (the average) | Même probabilité partout (la moyenne)
        method.areaHistoryRate | Each area's past rate | Taux passé de chaque zone
        method.persistence | Same as last period | Comme la période précédente
        method.smoothedPersistence | Recent periods, smoothed | Périodes récentes, lissées
        method.lagLogistic | Own recent deaths only (lag model) | Seulement ses décès récents (modèle à retards)
        feature.events1 | events this period | événements de la période
        feature.events3 | events over 3 periods | événements sur 3 périodes
        feature.events6 | events over 6 periods | événements sur 6 périodes
        feature.events12 | events over 12 periods | événements sur 12 périodes
        feature.fatal1 | deadly events this period | événements meurtriers de la période
        feature.fatal3 | deadly events over 3 periods | événements meurtriers sur 3 périodes
        feature.fatal6 | deadly events over 6 periods | événements meurtriers sur 6 périodes
        feature.fatal12 | deadly events over 12 periods | événements meurtriers sur 12 périodes
        feature.deaths1 | deaths this period | décès de la période
        feature.deaths3 | deaths over 3 periods | décès sur 3 périodes
        feature.deaths12 | deaths over 12 periods | décès sur 12 périodes
        feature.sinceFatal | time since the last deadly event | temps depuis le dernier événement meurtrier
        feature.longRunRate | the area's long-run rate, weighed against its region's | le taux de long terme de la zone, pondéré par celui de sa région
        feature.neighbourEvents1 | events next door this period | événements chez les voisins sur la période
        feature.neighbourFatal3 | deadly events next door, 3 periods | événements meurtriers chez les voisins, 3 périodes
        feature.neighbourFatal12 | deadly events next door, 12 periods | événements meurtriers chez les voisins, 12 périodes
        feature.threat3 | threat indicators, 3 periods | indicateurs de menace, 3 périodes
        feature.peace3 | peace indicators, 3 periods | indicateurs de paix, 3 périodes
        feature.reported3 | verified monitor reports, 3 periods | signalements vérifiés des moniteurs, 3 périodes
        feature.seasonSin | the season | la saison
        feature.seasonCos | the season | la saison
        feature.countryFatal3 | deadly events in the country, 3 periods | événements meurtriers dans le pays, 3 périodes
        feature.countryTrend | the country's trend | la tendance du pays
        risk.top | Highest risk | Risque le plus élevé
        risk.movers | Top movers this week | Plus fortes hausses cette semaine
        risk.none | No area with a score. | Aucune zone avec un score.
        risk.score | Score | Score
        risk.change | Change | Variation
        risk.level | Level | Niveau
        risk.spillFrom | spill-over from %@ | débordement depuis %@
        risk.reportedBy | as reported by %@ | selon %@
        risk.received | Areas marked with an installation are drawn from the risk figures it shared: %@. | Les zones suivies d’une installation sont dessinées d’après les chiffres de risque qu’elle a partagés : %@.
        risk.scoreIs | score %@, %@ | score %@, %@
        risk.pressure | Pressure this period | Pression de la période
        risk.baseline | Usual level (last 12 periods) | Niveau habituel (12 périodes)
        risk.surge | Surge above the usual | Hausse au-dessus de l'habituel
        risk.spillover | Spill-over from neighbours | Débordement des voisins
        risk.incidents | Incidents | Incidents
        risk.fatalities | Deaths | Morts
        risk.drivers | What drives it | Ce qui l'explique
        risk.driverIncident | an incident | un incident
        risk.driverNeighbour | rising next door: %@ | hausse à côté : %@
        risk.trend | Incidents and score, %@ | Incidents et score, %@
        risk.trendHeading | Trend, last 12 periods | Tendance, 12 dernières périodes
        risk.neighbourhood | The area and its neighbours | La zone et ses voisines
        area.admin1 | first level (regions, states) | premier niveau (régions, États)
        area.admin2 | second level (districts) | deuxième niveau (districts)
        area.country | countries | pays
        area.community | communities | communautés
        alert.new | Compose an alert | Rédiger une alerte
        alert.composeIntro | The fields of the Common Alerting Protocol (CAP 1.2). Preview shows the message as it will go out; issuing opens a response case with the competent body. | Les champs du Common Alerting Protocol (CAP 1.2). L'aperçu montre le message tel qu'il partira ; l'émission ouvre un dossier auprès de l'instance compétente.
        alert.composeFor | Compose an alert for %@ | Rédiger une alerte pour %@
        alert.issuer | Issued by | Émise par
        alert.event | Event | Événement
        alert.defaultEvent | Risk of violent conflict | Risque de conflit violent
        alert.headline | Headline | Titre
        alert.severity | Severity | Gravité
        alert.urgency | Urgency | Urgence
        alert.certainty | Certainty | Certitude
        alert.description | Description | Description
        alert.instruction | What people should do | Ce que les gens doivent faire
        alert.expires | Expires (%@) | Expire (%@)
        alert.language | Language of the text | Langue du texte
        alert.preview | Preview CAP | Aperçu CAP
        alert.capXML | The CAP 1.2 message (XML) | Le message CAP 1.2 (XML)
        alert.previewHeading | Preview: the alert as the public will read it | Aperçu : l'alerte telle que le public la lira
        alert.issue | Issue the alert | Émettre l'alerte
        alert.confirmTitle | Issue this alert? | Émettre cette alerte ?
        alert.confirmIntro | Check what goes out and to whom. Once issued, an alert can be updated or cancelled, not taken back. | Vérifiez ce qui part et vers qui. Une fois émise, une alerte peut être mise à jour ou annulée, pas retirée.
        alert.confirmIssue | Yes, issue it now | Oui, l'émettre maintenant
        alert.confirmBack | Back | Retour
        alert.audience.public | everyone: the public page, the feed and subscribers | tout le monde : page publique, flux et abonnés
        alert.audience.internal | everyone signed in to this installation | toutes les personnes connectées à cette installation
        alert.audience.restricted | the bodies concerned and those above them | les organes concernés et ceux au-dessus
        alert.audience.confidential | the named parties only | les seules parties nommées
        alert.state | State | État
        alert.sent | Sent | Envoyée
        alert.reason | Reason | Motif
        alert.case | Open its response case | Ouvrir son dossier de réponse
        alert.capLink | CAP 1.2 document | Document CAP 1.2
        alert.why | Why the system proposed it | Pourquoi le système l'a proposée
        alert.issueHeading | Edit and issue | Modifier et émettre
        alert.dismissReason | Reason for dismissing | Motif du rejet
        alert.dismiss | Dismiss | Écarter
        alert.cancelHeading | Cancel the alert | Annuler l'alerte
        alert.cancel | Send a Cancel | Envoyer une annulation
        state.proposed | proposed | proposée
        state.issued | issued | émise
        state.dismissed | dismissed | écartée
        state.superseded | superseded | remplacée
        state.cancelled | cancelled | annulée
        severity.Extreme | Extreme | Extrême
        severity.Severe | Severe | Grave
        severity.Moderate | Moderate | Modérée
        severity.Minor | Minor | Mineure
        severity.Unknown | Unknown | Inconnue
        cap.Extreme | Extreme | Extrême
        cap.Severe | Severe | Grave
        cap.Moderate | Moderate | Modérée
        cap.Minor | Minor | Mineure
        cap.Unknown | Unknown | Inconnue
        cap.Immediate | Immediate | Immédiate
        cap.Expected | Expected | Attendue
        cap.Future | Future | Future
        cap.Past | Past | Passée
        cap.Observed | Observed | Observée
        cap.Likely | Likely | Probable
        cap.Possible | Possible | Possible
        cap.Unlikely | Unlikely | Peu probable
        plain.Extreme | An extraordinary threat to life | Une menace extraordinaire pour la vie
        plain.Severe | A serious threat to life or safety | Une menace sérieuse pour la vie ou la sécurité
        plain.Moderate | A possible threat to life or safety | Une menace possible pour la vie ou la sécurité
        plain.Minor | Little or no threat to life | Peu ou pas de menace pour la vie
        plain.Immediate | act now | agir maintenant
        plain.Expected | act soon, within the hour | agir bientôt, dans l'heure
        plain.Future | act in the coming days | agir dans les prochains jours
        plain.Past | no action needed any more | plus besoin d'agir
        plain.Observed | it is happening or has happened | cela se produit ou s'est produit
        plain.Likely | it is more likely than not | c'est plus probable qu'improbable
        plain.Possible | it may happen, less than an even chance | cela peut arriver, moins d'une chance sur deux
        plain.Unlikely | it is not expected | ce n'est pas attendu
        plain.Unknown | not known | inconnu
        status.unreviewed | waiting for review | en attente de vérification
        status.verified | verified | vérifié
        status.rejected | rejected | rejeté
        status.duplicate | duplicate | doublon
        status.open | waiting for acknowledgement | en attente d'accusé de réception
        status.acknowledged | in hand | pris en charge
        status.closed | closed | clos
        case.board | Case board | Tableau des dossiers
        case.title | Case: %@ | Dossier : %@
        case.allBodies | all my bodies | toutes mes instances
        case.ackBy | acknowledge by %@ | accuser réception avant %@
        case.overdue | overdue | en retard
        case.escalations | escalated %@ time(s) | remonté %@ fois
        case.heldBy | with %@ | chez %@
        case.alert | The alert | L'alerte
        case.parties | Bodies involved | Instances concernées
        case.actions | Actions | Actions
        case.noActions | No action recorded yet. | Aucune action enregistrée.
        case.history | History | Historique
        case.fromTo | From → to | De → à
        case.acknowledge | Acknowledge: we are handling it | Accuser réception : nous nous en chargeons
        case.planAction | Plan or record an action | Prévoir ou consigner une action
        case.kind | Kind | Type
        case.what | What | Quoi
        case.who | Who does it | Qui s'en charge
        case.due | Due (%@) | Échéance (%@)
        case.alreadyDone | Already done? | Déjà fait ?
        case.planned | planned | prévue
        case.doneAlready | done | faite
        case.record | Record | Enregistrer
        case.result | What came of it | Résultat
        case.markDone | Mark done | Marquer comme faite
        case.decidePlanned | Actions still planned: say what becomes of each | Actions encore prévues : dites ce qu'il advient de chacune
        case.becomes | What becomes of it | Ce qu'il en advient
        case.choose | — choose — | — choisir —
        case.wasDone | done | faite
        case.cancelIt | cancelled | annulée
        case.cameOf | What came of it, or why it is cancelled | Ce qu'elle a donné, ou pourquoi elle est annulée
        case.escalate | Ask the body above for help | Demander l'aide de l'instance supérieure
        case.helpNeeded | What help is needed | Aide nécessaire
        case.handBack | Hand back to | Renvoyer à
        case.deEscalate | Hand back | Renvoyer
        case.close | Close the case | Clore le dossier
        case.outcome | Outcome | Issue
        case.summary | Summary | Résumé
        outcome.resolved | resolved | résolu
        outcome.contained | contained | contenu
        outcome.worsened | worsened | aggravé
        party.responsible | holds the case | détient le dossier
        party.was-responsible | held it before | l'a détenu
        party.informed | informed | informée
        astatus.planned | planned | prévue
        astatus.done | done | faite
        astatus.cancelled | cancelled | annulée
        action.dialogue | dialogue | dialogue
        action.mediation | mediation | médiation
        action.peace-monitors | peace monitors deployed | observateurs de paix déployés
        action.police-referral | referral to police | saisine de la police
        action.humanitarian-request | humanitarian request | demande humanitaire
        action.public-message | public message | message public
        action.field-assessment | field assessment | évaluation de terrain
        action.other | other | autre
        event.opened | opened | ouvert
        event.acknowledged | acknowledged | réception accusée
        event.escalated | escalated | remonté
        event.de-escalated | handed back | renvoyé
        event.action-planned | action planned | action prévue
        event.action-done | action done | action faite
        event.action-cancelled | action cancelled | action annulée
        event.closed | closed | clos
        event.escalation-exhausted | no body above to escalate to | aucune instance au-dessus
        event.elevated | sent to the regional hub | transmis au centre régional
        event.regional-acknowledged | acknowledged by the regional hub | pris en charge par le centre régional
        event.regional-declined | declined by the regional hub | décliné par le centre régional
        event.alert-updated | alert updated | alerte mise à jour
        event.alert-cancelled | alert cancelled | alerte annulée
        reason.requested | asked for help | aide demandée
        reason.acknowledgement-overdue | not acknowledged in time | réception non accusée à temps
        reason.action-overdue | action overdue | action en retard
        reason.cross-border | the area touches another country | la zone touche un autre pays
        reason.de-escalated | handed back down | renvoyé vers le bas
        notice.reviewed | Done: the report is reviewed. | Fait : le signalement est traité.
        notice.saved | Saved. | Enregistré.
        notice.issued | The alert is issued and its case opened. | L'alerte est émise et son dossier ouvert.
        notice.issue | The alert is issued and its case opened. | L'alerte est émise et son dossier ouvert.
        notice.dismiss | The proposal is dismissed. | La proposition est écartée.
        notice.cancel | A Cancel message went out. | Un message d'annulation est parti.
        notice.acknowledge | Acknowledged. | Réception accusée.
        notice.plan | The action is recorded. | L'action est enregistrée.
        notice.complete | The action is marked done. | L'action est marquée comme faite.
        notice.escalate | The case went to the body above. | Le dossier est remonté à l'instance supérieure.
        notice.de-escalate | The case was handed back. | Le dossier a été renvoyé.
        notice.close | The case is closed. | Le dossier est clos.
        notice.done | Done. | Fait.
        directory.intro | Every body of this infrastructure for peace, from the global level down to the community. | Toutes les instances de cette infrastructure pour la paix, du niveau mondial à la communauté.
        level.global | global | mondial
        level.continental | continental | continental
        level.sub-regional | sub-regional | sous-régional
        level.national | national | national
        level.region | regional | régional
        level.district | district | district
        level.community | community | communautaire
        kind.peace-council | peace council | conseil de paix
        kind.peace-committee | peace committee | comité de paix
        kind.early-warning-centre | early-warning centre | centre d'alerte précoce
        kind.cso-network | civil-society network | réseau de la société civile
        kind.ministry | ministry | ministère
        kind.state-agency | state agency | agence publique
        kind.regional-organisation | regional organisation | organisation régionale
        kind.organ | organ | organe
        kind.un-body | UN body | organe des Nations unies
        body.legalBasis | Legal basis | Base juridique
        body.mandate | Mandate | Mandat
        body.jurisdiction | Jurisdiction | Compétence territoriale
        body.worldwide | worldwide | monde entier
        body.parent | Reports to | Rend compte à
        body.partners | Partners | Partenaires
        body.website | Website | Site web
        body.composition | Composition (%@ members) | Composition (%@ membres)
        body.members | Members | Membres
        topic.early-warning | early warning | alerte précoce
        topic.response | response | réponse
        topic.mediation | mediation | médiation
        topic.dialogue | dialogue | dialogue
        topic.small-arms | small arms | armes légères
        topic.ddr | DDR | DDR
        topic.security-sector-reform | security-sector reform | réforme du secteur de la sécurité
        topic.elections | elections | élections
        topic.natural-resources | natural resources | ressources naturelles
        topic.humanitarian | humanitarian | humanitaire
        topic.human-rights | human rights | droits humains
        topic.cso-engagement | civil-society engagement | engagement de la société civile
        category.state | state | État
        category.cso | civil society | société civile
        category.traditional | traditional leaders | autorités traditionnelles
        category.religious | religious leaders | responsables religieux
        category.women | women | femmes
        category.youth | youth | jeunes
        category.private-sector | private sector | secteur privé
        stats.intro | Public incidents of the last 12 months, by first-level area (region, state, county). Exact places are never shown here. | Incidents publics des 12 derniers mois, par zone de premier niveau (région, État, comté). Les lieux précis ne sont jamais montrés ici.
        stats.none | No public incident in the last 12 months. | Aucun incident public ces 12 derniers mois.
        stats.area | Area | Zone
        stats.chart | Public incidents per month | Incidents publics par mois
        howto.p1 | If you see violence, threats, or tension rising in your community, tell the peace council or early-warning body that serves your area. Say what happened, where and when; say if anyone was hurt. | Si vous voyez de la violence, des menaces ou des tensions monter dans votre communauté, prévenez le conseil de paix ou l'instance d'alerte précoce de votre zone. Dites ce qui s'est passé, où et quand, et s'il y a des blessés.
        howto.p2 | Your report is read by trained analysts. Your name and phone number are never published and are kept encrypted. | Votre signalement est lu par des analystes formés. Votre nom et votre numéro ne sont jamais publiés et sont conservés chiffrés.
        howto.publicForm | Report without an account | Signaler sans compte
        report.publicTitle | Report violence or tension | Signaler une violence ou une tension
        report.publicIntro | You do not need an account. Your report goes to the peace council or early-warning body serving the place you choose; it is not published. You get a receipt code to check what became of it. | Vous n'avez pas besoin de compte. Votre signalement va au conseil de paix ou à l'instance d'alerte précoce de l'endroit choisi ; il n'est pas publié. Vous recevez un code de reçu pour savoir ce qu'il est devenu.
        report.receivedPublic | Thank you. Your report reached %@. | Merci. Votre signalement est parvenu à %@.
        report.receiptIs | Your receipt code: | Votre code de reçu :
        report.receiptKeep | Write it down: it is shown only once. With it you can check what became of your report: | Notez-le : il n'est affiché qu'une fois. Il permet de savoir ce qu'est devenu votre signalement :
        receipt.title | Check a report's receipt | Vérifier un reçu de signalement
        receipt.code | Receipt code (for example K7QM-2XPD-9RTA) | Code de reçu (par exemple K7QM-2XPD-9RTA)
        receipt.check | Check | Vérifier
        receipt.unknown | No report has this receipt code. Check the code as it was written down. | Aucun signalement n'a ce code de reçu. Vérifiez le code tel qu'il a été noté.
        receipt.slow | Too many checks from this connection; wait a minute. | Trop de vérifications depuis cette connexion ; attendez une minute.
        receipt.reached | It reached %@ on %@. | Il est parvenu à %@ le %@.
        receipt.status.unreviewed | Received: waiting for an analyst to read it. | Reçu : en attente de lecture par un analyste.
        receipt.status.verified | Verified: it is part of the council's record of incidents. | Vérifié : il fait partie du registre des incidents du conseil.
        receipt.status.rejected | Read, and not retained. | Lu, et non retenu.
        receipt.status.duplicate | Read: another report of the same event was kept. | Lu : un autre signalement du même événement a été conservé.
        receipt.privacy | The receipt says only what became of the report, never what it said or who sent it. | Le reçu dit seulement ce qu'est devenu le signalement, jamais ce qu'il disait ni qui l'a envoyé.
        body.phone | Phone | Téléphone
        body.sms | SMS | SMS
        body.email | E-mail | Courriel
        body.address | Office | Bureau
        howto.bodies | Who receives reports | Qui reçoit les signalements
        howto.monitors | Community monitors: sign in and file a report | Moniteurs communautaires : connectez-vous et signalez
        nav.destructions | Weapons destroyed | Armes détruites
        nav.arms | Small arms | Armes légères
        arms.title | Small arms register | Registre des armes légères
        arms.reportOf | %@ — small arms report %@ | %@ — rapport sur les armes légères %@
        arms.destructions | Weapons destroyed in public view | Armes détruites publiquement
        arms.noRegister | You keep no register: small-arms registers are kept by the officers of a commission or focal point. | Vous ne tenez aucun registre : les registres d'armes sont tenus par les agents d'une commission ou d'un point focal.
        arms.intro | The register of weapons and ammunition the commission holds, collects, seizes and destroys. Each change is recorded with its date and who made it. | Le registre des armes et munitions que la commission détient, collecte, saisit et détruit. Chaque changement est consigné avec sa date et son auteur.
        arms.body | Register of | Registre de
        arms.show | Show | Afficher
        arms.report | The %@ report (PoA/ITI, ATT, SDG 16.4.2) | Le rapport %@ (PoA/IIT, TCA, ODD 16.4.2)
        arms.register | Weapons | Armes
        arms.search | Serial (partial, * and ? allowed) | Numéro de série (partiel, * et ? acceptés)
        arms.find | Find | Chercher
        arms.noWeapons | No weapon found. | Aucune arme trouvée.
        arms.serial | Serial | Numéro de série
        arms.type | Type | Type
        arms.maker | Manufacturer, country, model | Fabricant, pays, modèle
        arms.status | Status | Statut
        arms.custody | Custody | Garde
        arms.unmarked | Unmarked | Sans marquage
        arms.altered | Marks altered | Marquage altéré
        arms.newWeapon | Register a weapon | Enregistrer une arme
        arms.field.manufacturer | Manufacturer | Fabricant
        arms.field.country | Country of manufacture (ISO code) | Pays de fabrication (code ISO)
        arms.field.serial | Serial number | Numéro de série
        arms.field.year | Year of manufacture | Année de fabrication
        arms.field.model | Model | Modèle
        arms.field.calibre | Calibre | Calibre
        arms.field.markLocations | Where the marks are | Emplacement du marquage
        arms.field.store | Store or armoury | Magasin ou armurerie
        arms.registerWeapon | Register | Enregistrer
        arms.campaigns | Collection campaigns | Campagnes de collecte
        arms.noCampaigns | No campaign yet. | Aucune campagne pour l'instant.
        arms.incentives | Incentives | Incitations
        arms.collectedSoFar | %@ weapons collected so far | %@ armes collectées à ce jour
        arms.recordCollection | Record a collection | Consigner une collecte
        arms.point | Collection point | Point de collecte
        arms.on | Date | Date
        arms.weaponLines | Weapons, one per line: type; manufacturer; country; serial; calibre — or type; unmarked; description | Armes, une par ligne : type ; fabricant ; pays ; numéro ; calibre — ou type ; unmarked ; description
        arms.newCampaign | Open a collection campaign | Ouvrir une campagne de collecte
        arms.campaignName | Campaign name | Nom de la campagne
        arms.startsOn | Starts on | Début
        arms.endsOn | Ends on | Fin
        arms.points | Collection points, one per line | Points de collecte, un par ligne
        arms.openCampaign | Open the campaign | Ouvrir la campagne
        arms.destroy | Destruction | Destruction
        arms.recordDestruction | Record a destruction | Consigner une destruction
        arms.place | Place | Lieu
        arms.method | Method | Méthode
        arms.serialsDestroyed | Serials (or weapon ids) destroyed, one per line | Numéros de série (ou identifiants) détruits, un par ligne
        arms.witnesses | Witnesses, one per line (at least two) | Témoins, un par ligne (deux au moins)
        arms.certificate | Certificate number | Numéro du certificat
        arms.publicSummary | Public summary (made from the figures when left empty) | Résumé public (établi à partir des chiffres s'il est vide)
        arms.tracing | Tracing requests | Demandes de traçage
        arms.counterpart | State or INTERPOL | État ou INTERPOL
        arms.state | State | État
        arms.due | Due | Échéance
        arms.act | Next step | Étape suivante
        arms.overdue | overdue | en retard
        arms.newTrace | Send or record a tracing request | Envoyer ou consigner une demande de traçage
        arms.direction | Direction | Sens
        arms.weapon | Weapon | Arme
        arms.circumstances | Circumstances | Circonstances
        arms.sendNow | Sent (or received) today | Envoyée (ou reçue) aujourd'hui
        arms.saveTrace | Save the request | Enregistrer la demande
        arms.outcome | Outcome | Résultat
        arms.answer | Answer | Réponse
        arms.step | Record | Consigner
        arms.reportIntro | Figures from the register and its events, entered once: the sections of the Programme of Action and International Tracing Instrument national report, the Arms Trade Treaty report for category VIII and SDG indicator 16.4.2. Review, sign, export. | Chiffres tirés du registre et de ses événements, saisis une seule fois : les sections du rapport national sur le Programme d'action et l'Instrument international de traçage, le rapport du Traité sur le commerce des armes pour la catégorie VIII et l'indicateur ODD 16.4.2. Vérifier, signer, exporter.
        arms.signedOn | Signed on %@ (digest %@) | Signé le %@ (empreinte %@)
        arms.changedSince | the register changed since: sign again | le registre a changé depuis : signer à nouveau
        arms.sec.marking | Marking | Marquage
        arms.sec.records | Record-keeping | Tenue des registres
        arms.sec.tracing | Tracing | Traçage
        arms.sec.collection | Collection | Collecte
        arms.sec.destruction | Destruction | Destruction
        arms.sec.att | Arms Trade Treaty, category VIII (small arms and light weapons) | Traité sur le commerce des armes, catégorie VIII (armes légères et de petit calibre)
        arms.sec.sdg | SDG indicator 16.4.2 | Indicateur ODD 16.4.2
        arms.weaponsMarked | Weapons marked | Armes marquées
        arms.markingEvents | Markings recorded | Marquages consignés
        arms.onRegister | Weapons on the register | Armes au registre
        arms.registeredThisYear | Registered this year | Enregistrées cette année
        arms.tracesSent | Requests sent | Demandes envoyées
        arms.tracesReceived | Requests received | Demandes reçues
        arms.destructionEvents | Destructions | Destructions
        arms.weaponsDestroyed | Weapons destroyed | Armes détruites
        arms.roundsDestroyed | Rounds of ammunition destroyed | Cartouches détruites
        arms.nilReport | Nil report: no exports or imports of small arms or light weapons this year. | Rapport néant : aucune exportation ni importation d'armes légères et de petit calibre cette année.
        arms.exportTo | %@ exported to %@ | %@ exportées vers %@
        arms.importFrom | %@ imported from %@ | %@ importées de %@
        arms.sdgLine | Origin established for %@ of %@ weapons seized, found or surrendered | Origine établie pour %@ des %@ armes saisies, trouvées ou remises
        arms.csv | Download the figures (CSV) | Télécharger les chiffres (CSV)
        arms.sign | Sign the report as it stands | Signer le rapport tel quel
        arms.destructionsIntro | Public destructions of collected and seized weapons: when, where, how, how many, and who witnessed them. | Destructions publiques d'armes collectées et saisies : quand, où, comment, combien, et devant quels témoins.
        arms.noDestructions | No destruction recorded yet. | Aucune destruction consignée pour l'instant.
        arms.photos | Photos (JPEG or PNG, up to 5; their metadata is removed) | Photos (JPEG ou PNG, 5 au plus ; leurs métadonnées sont retirées)
        arms.photoOf | Weapons destroyed at %@ | Armes détruites à %@
        arms.destroyedCount | %@ weapons, %@ rounds | %@ armes, %@ cartouches
        weapon.revolver-or-self-loading-pistol | Revolver or pistol | Revolver ou pistolet
        weapon.rifle-or-carbine | Rifle or carbine | Fusil ou carabine
        weapon.sub-machine-gun | Sub-machine gun | Pistolet-mitrailleur
        weapon.assault-rifle | Assault rifle | Fusil d'assaut
        weapon.light-machine-gun | Light machine gun | Fusil-mitrailleur
        weapon.heavy-machine-gun | Heavy machine gun | Mitrailleuse lourde
        weapon.grenade-launcher | Grenade launcher | Lance-grenades
        weapon.portable-anti-tank-gun | Portable anti-tank gun | Canon antichar portatif
        weapon.recoilless-rifle | Recoilless rifle | Canon sans recul
        weapon.portable-anti-tank-missile-launcher | Portable anti-tank missile launcher | Lance-missiles antichar portatif
        weapon.mortar-under-75mm | Mortar under 75 mm | Mortier de moins de 75 mm
        weapon.other | Other (craft, shotgun …) | Autre (artisanale, fusil de chasse …)
        wstatus.state-stock | State stock | Stock de l'État
        wstatus.licensed-civilian | Licensed civilian | Civil sous licence
        wstatus.seized | Seized | Saisie
        wstatus.surrendered | Surrendered | Remise volontairement
        wstatus.collected | Collected | Collectée
        wstatus.in-custody | In custody | Sous garde
        wstatus.deactivated | Deactivated | Neutralisée
        wstatus.destroyed | Destroyed | Détruite
        wstatus.lost-or-stolen | Lost or stolen | Perdue ou volée
        wstatus.exported | Exported | Exportée
        method.cutting | Cutting | Découpage
        method.crushing | Crushing | Écrasement
        method.burning | Burning | Incinération
        method.smelting | Smelting | Fonte
        method.shredding | Shredding | Broyage
        method.detonation | Detonation | Détonation
        method.other | Other | Autre
        tracing.outgoing | Sent by us | Envoyée par nous
        tracing.incoming | Received | Reçue
        tstate.draft | Draft | Brouillon
        tstate.sent | Sent | Envoyée
        tstate.acknowledged | Acknowledged | Accusé de réception
        tstate.answered | Answered | Répondue
        tstate.closed | Closed | Close
        toutcome.full | Traced in full | Tracée entièrement
        toutcome.partial | Traced in part | Tracée en partie
        toutcome.negative | No record found | Aucune trace
        ddr.programmes | DDR programmes | Programmes DDR
        ddr.since | since %@ | depuis le %@
        ddr.childProtection | children referred to %@ | enfants orientés vers %@
        ddr.suppressed | Counts only: cells under five are shown as <5 so that no one can be singled out. | Effectifs seulement : les cellules de moins de cinq sont affichées <5 pour que personne ne puisse être identifié.
        ddr.funnel | Participants through the stages (%@ registered) | Participants par étape (%@ inscrits)
        ddr.by.category | By category | Par catégorie
        ddr.by.sex | By sex | Par sexe
        ddr.by.ageGroup | By age group | Par tranche d'âge
        ddr.by.stage | By current stage | Par étape actuelle
        ddr.overTime | Weapons collected and destroyed, month by month | Armes collectées et détruites, mois par mois
        ddr.participants | Participants (by pseudonym) | Participants (par pseudonyme)
        ddr.noParticipants | No participant registered yet. | Aucun participant inscrit pour l'instant.
        ddr.pseudonym | Pseudonym | Pseudonyme
        ddr.referred | referred to child protection | orienté vers la protection de l'enfance
        ddr.register | Register a participant | Inscrire un participant
        ddr.sealed | The identity is sealed as soon as it is saved; only the programme's coordinators can open it, and each opening is recorded. A second registration of the same person is refused. | L'identité est scellée dès l'enregistrement ; seuls les coordinateurs du programme peuvent l'ouvrir, et chaque ouverture est consignée. Une seconde inscription de la même personne est refusée.
        ddr.sex.female | Female | Femme
        ddr.sex.male | Male | Homme
        ddr.sex.other | Other | Autre
        ddr.field.givenNames | Given names | Prénoms
        ddr.field.familyName | Family name | Nom de famille
        ddr.field.birthDate | Birth date (YYYY-MM-DD, or the year) | Date de naissance (AAAA-MM-JJ, ou l'année)
        ddr.field.placeOfOrigin | Place of origin | Lieu d'origine
        ddr.field.motherName | Mother's name | Nom de la mère
        ddr.field.idNumber | Identity document number | Numéro de pièce d'identité
        ddr.field.faction | Armed group or faction | Groupe armé ou faction
        ddr.field.area | Area (code) | Zone (code)
        ddr.stepDetail | Criterion · certificate; site · option; provider · weapon ids · note | Critère · certificat; site · option; prestataire · identifiants d'armes · note
        ddrcat.combatant | Combatant | Combattant
        ddrcat.associated | Associated with an armed group | Associé à un groupe armé
        ddrcat.child | Child | Enfant
        ddrcat.dependant | Dependant | Personne à charge
        stage.registered | Registered | Inscrit
        stage.screened | Screened eligible | Éligible
        stage.ineligible | Ineligible | Inéligible
        stage.disarmed | Disarmed | Désarmé
        stage.demobilised | Demobilised | Démobilisé
        stage.reinsertion | Reinsertion | Réinsertion
        stage.reintegration | Reintegration | Réintégration
        stage.completed | Completed | Achevé
        stage.dropped-out | Dropped out | Abandon
        stage.re-recruited | Re-recruited | Réenrôlé
        stage.deceased | Deceased | Décédé
        """
}
