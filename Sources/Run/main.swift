import App
import Vapor

try await Agora.main()
