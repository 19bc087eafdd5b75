namespace Workbook.Cli;

/// <summary>The CLI's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Everything ran; no cell failed.</summary>
    public const int Ok = 0;

    /// <summary>The work ran but something in it failed (a notebook cell failed, timed out or was not run).</summary>
    public const int Failed = 1;

    /// <summary>Bad usage or unusable input (a file, an option value, an output folder): a one-line reason is printed.</summary>
    public const int BadInput = 2;

    /// <summary>An optional tool (a browser) is missing; what could be done was done.</summary>
    public const int MissingTool = 3;

    /// <summary>An unexpected error inside the CLI (a bug): a one-line reason is printed, never a stack trace.</summary>
    public const int InternalError = 4;
}
