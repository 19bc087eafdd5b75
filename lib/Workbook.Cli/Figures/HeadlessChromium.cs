using System.Diagnostics;
using System.Globalization;

namespace Workbook.Cli.Figures;

/// <summary>Runs headless Chromium once on a local page and returns the page's DOM after its scripts ran (and can print the page to PDF in the same run).</summary>
/// <remarks>
/// <para>
/// Chromium is driven as a plain process, with no debugging protocol and no open port:
/// <c>--dump-dom</c> loads the page, lets it run until its <em>virtual</em> time budget is spent
/// and prints the DOM to standard output. Virtual time only advances when the page is idle (no
/// script running), and jumps straight to the next timer, so a large budget costs nothing once the
/// page has finished; rendering an image uses about 16 ms of it.
/// </para>
/// <para>
/// Every run gets a fresh, empty profile folder (<c>--user-data-dir</c>) that is deleted afterwards,
/// so no cache or setting from an earlier run can change the output. A run that exceeds its
/// timeout is killed together with its child processes.
/// </para>
/// </remarks>
internal static class HeadlessChromium
{
    /// <summary>Virtual time the page may use, in milliseconds: room for thousands of images.</summary>
    internal const int VirtualTimeBudgetMilliseconds = 600_000;

    /// <summary>The switches that make Chromium run headless, as root, offline and without side work.</summary>
    internal static IReadOnlyList<string> Switches { get; } =
    [
        "--headless",
        "--no-sandbox", // needed when running as root (containers, CI)
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--host-resolver-rules=MAP * ~NOTFOUND", // no host name resolves: an export can never reach the network
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--hide-scrollbars",
        "--mute-audio",
    ];

    /// <summary>Loads <paramref name="pagePath"/> and returns the printed DOM; optionally also prints the page to PDF.</summary>
    /// <param name="browserPath">The Chromium executable.</param>
    /// <param name="pagePath">A local HTML file.</param>
    /// <param name="profileDirectory">An empty folder for the browser profile; the caller deletes it.</param>
    /// <param name="timeout">The longest the browser may run.</param>
    /// <param name="pdfPath">
    /// A PDF file to print the page to when its virtual time budget ends (no margins, header or footer;
    /// CSS <c>@page</c> rules set the page sizes), or <see langword="null"/> for no PDF.
    /// </param>
    /// <returns>The DOM as HTML.</returns>
    /// <exception cref="TimeoutException">The browser ran longer than <paramref name="timeout"/> and was killed.</exception>
    /// <exception cref="InvalidOperationException">The browser could not start, exited with an error or wrote no PDF.</exception>
    internal static string DumpDom(string browserPath, string pagePath, string profileDirectory, TimeSpan timeout, string? pdfPath = null)
    {
        List<string> action = ["--virtual-time-budget=" + VirtualTimeBudgetMilliseconds.ToString(CultureInfo.InvariantCulture), "--dump-dom"];
        if (pdfPath is not null)
        {
            action.Add("--no-pdf-header-footer");
            action.Add("--print-to-pdf=" + Path.GetFullPath(pdfPath));
        }

        var dom = Run(browserPath, pagePath, profileDirectory, timeout, action);
        return pdfPath is null || File.Exists(pdfPath)
            ? dom
            : throw new InvalidOperationException($"{Path.GetFileName(browserPath)} exited without writing {Path.GetFileName(pdfPath)}");
    }

    private static string Run(string browserPath, string pagePath, string profileDirectory, TimeSpan timeout, IReadOnlyList<string> action)
    {
        var start = new ProcessStartInfo(browserPath)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            CreateNoWindow = true,
        };
        foreach (var argument in Switches)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--user-data-dir=" + profileDirectory);
        foreach (var argument in action)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add(new Uri(Path.GetFullPath(pagePath)).AbsoluteUri);

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"could not start {browserPath}: {e.Message}", e);
        }

        process.StandardInput.Close();

        // Implementation note: both streams are read concurrently; reading one to the end first
        // would deadlock once the browser fills the other stream's pipe buffer.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException(
                $"{Path.GetFileName(browserPath)} did not finish within {timeout.TotalSeconds:0} s and was stopped");
        }

        process.WaitForExit(); // lets the asynchronous reads reach the end of both streams
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(browserPath)} exited with code {process.ExitCode}: {LastLines(stderr.Result, 3)}");
        }

        return stdout.Result;
    }

    private static string LastLines(string text, int count)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "(no error output)" : string.Join(" | ", lines.TakeLast(count));
    }
}
