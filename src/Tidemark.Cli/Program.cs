using Tidemark.Cli;

return await TidemarkApp.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
