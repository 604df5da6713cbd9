/// Forecast models (the trained weights and the window they learnt from, with their backtest) and every
/// forecast they made, kept: each forecast names its model, and past ones against what happened are the
/// forecast's track record.
struct CreateForecasts: SQLMigration {
    var up: [String] {
        [
            """
            CREATE TABLE forecast_models (
                id TEXT PRIMARY KEY, level TEXT NOT NULL, horizon TEXT NOT NULL, trained_from TEXT NOT NULL,
                trained_to TEXT NOT NULL, training_rows INTEGER NOT NULL, model TEXT NOT NULL, evaluation TEXT,
                created_at TEXT NOT NULL)
            """,
            "CREATE INDEX forecast_models_current ON forecast_models (level, horizon, created_at)",
            """
            CREATE TABLE forecasts (
                model_id TEXT NOT NULL REFERENCES forecast_models(id) ON DELETE CASCADE, area_code TEXT NOT NULL,
                horizon TEXT NOT NULL, period TEXT NOT NULL, p_fatal DOUBLE PRECISION NOT NULL,
                p_violent DOUBLE PRECISION NOT NULL, deaths DOUBLE PRECISION NOT NULL, deaths_low INTEGER NOT NULL,
                deaths_high INTEGER NOT NULL, drivers TEXT NOT NULL, PRIMARY KEY (area_code, horizon, period, model_id))
            """,
            "CREATE INDEX forecasts_period ON forecasts (horizon, period)",
        ]
    }
    var down: [String] { ["DROP TABLE forecasts", "DROP TABLE forecast_models"] }
}
