using Workbook.Cli.Figures;

namespace Workbook.Core.Tests.Cli;

public class ChromiumLocatorTests
{
    [Fact]
    public void Locate_PrefersExplicitPathOverEnvironmentAndPath()
    {
        var self = Environment.ProcessPath!;

        var found = ChromiumLocator.Locate(self, _ => "/nonexistent/from-environment");

        Assert.Equal(self, found);
    }

    [Fact]
    public void Locate_ExplicitPathThatDoesNotExist_Throws()
    {
        var error = Assert.Throws<FileNotFoundException>(() => ChromiumLocator.Locate("/nonexistent/chromium", _ => null));

        Assert.Equal("browser not found at /nonexistent/chromium", error.Message);
    }

    [Fact]
    public void Locate_FindsCommandNamesOnPath_AndReturnsNullWhenThereAreNone()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var folder = new TempFolder();
        var fake = folder.Combine("chromium-browser");
        File.WriteAllText(fake, "#!/bin/sh\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        File.WriteAllText(folder.Combine("google-chrome"), "not executable");

        Assert.Equal(fake, ChromiumLocator.Locate(null, name => name == "PATH" ? "/nonexistent" + Path.PathSeparator + folder.Path : null));
        Assert.Null(ChromiumLocator.Locate(null, name => name == "PATH" ? "/nonexistent" : null));
        Assert.Null(ChromiumLocator.Locate(null, _ => null));
    }
}
