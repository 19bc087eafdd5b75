using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace Workbook.Core.NotebookSupport;

/// <summary>
/// Lets Plotly.NET run inside notebook hosts that already loaded an older FSharp.Core.
/// </summary>
/// <remarks>
/// Plotly.NET 6.0.0 is compiled against FSharp.Core 10.1, but every .NET Interactive host loads
/// FSharp.Core 10.0 into the default load context before any notebook code runs. The runtime then
/// fails to bind 10.1 (<see cref="FileNotFoundException"/>), and loading 10.1 beside 10.0 breaks the
/// HTML renderer instead. Answering the failed request with the FSharp.Core that is already loaded
/// works because Plotly.NET only uses APIs present in both. Outside a notebook host the request
/// never fails, so the handler is never asked.
/// </remarks>
public static class FSharpCoreRedirect
{
    private static int installed;

    /// <summary>Installs the handler; safe to call any number of times.</summary>
    public static void Install()
    {
        if (Interlocked.Exchange(ref installed, 1) == 1)
        {
            return;
        }

        AssemblyLoadContext.Default.Resolving += ResolveFromLoaded;
    }

    /// <summary>Installs the handler as soon as the library is loaded, before the first chart.</summary>
#pragma warning disable CA2255 // A module initializer is the only hook that runs before a chart type is touched.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void InstallOnLoad() => Install();

    private static Assembly? ResolveFromLoaded(AssemblyLoadContext context, AssemblyName requested)
    {
        if (!string.Equals(requested.Name, "FSharp.Core", StringComparison.Ordinal))
        {
            return null;
        }

        return AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => string.Equals(a.GetName().Name, "FSharp.Core", StringComparison.Ordinal))
            .OrderByDescending(a => a.GetName().Version)
            .FirstOrDefault();
    }
}
