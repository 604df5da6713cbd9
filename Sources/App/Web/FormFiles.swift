import AgoraCore
import Vapor

/// A form post with files (`multipart/form-data`), read into its text fields and its files. A form without
/// files, or a browser that sends it URL-encoded, gives the same fields and no files.
enum FormFiles {
    struct Upload {
        var field: String
        var bytes: [UInt8]
        /// As the browser sent it; shown, never used as a path.
        var filename: String = ""
    }

    static func read(_ req: Request) throws -> (fields: [String: String], files: [Upload]) {
        guard req.headers.contentType?.type == "multipart", let boundary = req.headers.contentType?.parameters["boundary"], !boundary.isEmpty
        else { return (try req.input([String: String].self), []) }
        guard let body = req.body.data else { return ([:], []) }
        var fields: [String: String] = [:]
        var files: [Upload] = []
        var name: String?
        var isFile = false
        var filename = ""
        var bytes: [UInt8] = []
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { key, value in
            guard key.lowercased() == "content-disposition" else { return }
            // form-data; name="photo"; filename="x.jpg" — a part with a filename is a file, even an empty one.
            for piece in value.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                if piece.hasPrefix("name=") { name = String(piece.dropFirst(5)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
                if piece.hasPrefix("filename=") {
                    isFile = true
                    filename = String(piece.dropFirst(9)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                }
            }
        }
        parser.onBody = { buffer in bytes += buffer.readableBytesView }
        parser.onPartComplete = {
            if let n = name {
                if isFile {
                    if !bytes.isEmpty { files.append(Upload(field: n, bytes: bytes, filename: filename)) }  // an empty file input sends an empty part
                } else {
                    fields[n] = String(decoding: bytes, as: UTF8.self)
                }
            }
            name = nil
            isFile = false
            filename = ""
            bytes = []
        }
        do { try parser.execute(body) } catch {
            throw APIError(ValidationFailure(field: "body", "the form could not be read: send it again"))
        }
        return (fields, files)
    }
}
