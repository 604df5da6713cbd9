import Fluent
import SQLKit
import Vapor

extension Database {
    /// The one place a Fluent database becomes SQLKit's: both drivers are SQL databases, and every query goes
    /// through SQLKit. (A test greps that no other `as! any SQLDatabase` exists.)
    var sql: any SQLDatabase { self as! any SQLDatabase }
}

extension Request {
    /// Every query goes through SQLKit on the request's database.
    var sql: any SQLDatabase { db.sql }
}

extension Application {
    /// The application's store through SQLKit (commands, jobs and tests).
    var sql: any SQLDatabase { db.sql }
}

extension Application {
    /// The application's one instance of a service, made on first use (configure touches each before serving:
    /// Application's storage is not for concurrent first use).
    func shared<K: StorageKey>(_ key: K.Type, _ make: () -> K.Value) -> K.Value {
        if let v = storage[K.self] { return v }
        let v = make()
        storage[K.self] = v
        return v
    }
}
