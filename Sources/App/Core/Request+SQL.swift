import Fluent
import SQLKit
import Vapor

extension Request {
    /// Every query goes through SQLKit on the request's database.
    var sql: any SQLDatabase { db as! any SQLDatabase }
}
