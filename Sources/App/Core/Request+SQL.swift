import SQLKit
import Vapor

extension Request {
    /// Every query goes through SQLKit on the application's store (see `SQLStore`).
    var sql: any SQLDatabase { application.store.sql(logger: logger, on: eventLoop) }
}

extension Application {
    /// The application's store through SQLKit (commands, jobs and tests).
    var sql: any SQLDatabase { store.sql(logger: logger, on: eventLoopGroup.any()) }
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
