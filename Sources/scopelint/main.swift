import Foundation
import ScopeLint
import ScopeLintCLI

// The executable hands the process's arguments, environment and streams to the library, and
// ends the process itself: what the command retained is never freed piece by piece.
var console = Console(
    environment: ProcessInfo.processInfo.environment,
    isTerminal: isatty(STDOUT_FILENO) == 1,
    readStandardInput: InputFile.readStandardInput)
console.standardInputDescriptor = STDIN_FILENO
let output = ByteStream(descriptor: STDOUT_FILENO)
let errors = ByteStream(descriptor: STDERR_FILENO)
console.standardOutput = output
console.standardError = errors
let code = CLI.run(Array(CommandLine.arguments.dropFirst()), console: &console)
output.write(trusted: console.out)
output.flush()
errors.write(trusted: console.err)
errors.flush()
exit(code)
