using Plotly.NET;
using Workbook.Core.Charts;

namespace Workbook.Core.NotebookSupport;

/// <summary>
/// What a notebook shows for the workbook's objects: charts that render offline and check results.
/// The setup file (<c>notebooks/setup.dib</c>) registers these with the kernel's formatter, so the
/// library itself needs nothing from any notebook host.
/// </summary>
/// <remarks>
/// Plotly.NET's own notebook output loads require.js and plotly.js from CDNs, which leaves a blank
/// box offline. Here the first chart of a kernel session carries plotly.js (about 3.6 MB) inline and
/// later charts only their data: notebook front ends (VS Code, Jupyter) render all outputs of a
/// notebook into one page, so the script loaded once serves every later chart.
/// <see cref="Reset"/>, called by the setup cell, makes the next chart carry plotly.js again.
/// </remarks>
public static class NotebookDisplay
{
    // A per-session prefix keeps element ids unique when old outputs of an earlier session are still on screen.
    private static readonly string session = Guid.NewGuid().ToString("N")[..8];
    private static int chartsShown;
    private static int plotlyJsSentAt = -1;

    /// <summary>Makes the next chart carry plotly.js again (run by the setup cell).</summary>
    public static void Reset() => Interlocked.Exchange(ref plotlyJsSentAt, -1);

    /// <summary>The HTML a notebook shows for <paramref name="chart"/>.</summary>
    public static string ChartHtml(GenericChart chart)
    {
        var number = Interlocked.Increment(ref chartsShown);
        var first = Interlocked.CompareExchange(ref plotlyJsSentAt, number, -1) == -1;
        return Charts.ChartHtml.NotebookFragment(chart, $"wb-{session}-{number}", includePlotlyJs: first);
    }
}
