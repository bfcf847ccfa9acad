using Tidemark.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return await TidemarkApp.RunAsync(args, CliEnvironment.FromProcess(Console.Out, Console.Error), cancellation.Token);
