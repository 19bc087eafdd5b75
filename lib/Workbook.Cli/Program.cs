using Workbook.Cli;

// The workbook's command line. Every failure on bad input is one line on stderr and exit code 2.
return await Cli.MainAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
