namespace Workbook.Cli;

/// <summary>
/// Bad input on the command line or a file that cannot be used: the CLI prints the message as one
/// line and exits with <see cref="ExitCodes.BadInput"/>.
/// </summary>
internal sealed class UsageException(string message) : Exception(message);
