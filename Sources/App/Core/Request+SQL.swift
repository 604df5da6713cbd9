import Fluent
import SQLKit
import Vapor

extension Request {
    /// Every query goes through SQLKit on the request's database.
    var sql: any SQLDatabase { db as! any SQLDatabase }
}

extension Application {
    /// The application's store through SQLKit (commands, jobs and tests).
    var sql: any SQLDatabase { db as! any SQLDatabase }
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
