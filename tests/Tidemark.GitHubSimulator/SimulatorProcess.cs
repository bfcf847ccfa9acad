using System.Runtime.InteropServices;
using Tidemark.Testing.GitHub;
using Simulator = Tidemark.Testing.GitHub.GitHubSimulator;

namespace Tidemark.GitHubSimulator;

/// <summary>
/// Runs the simulator as a process: flags, configuration, seeding, one <c>listening on</c> line on stdout, then
/// waits for SIGTERM or Ctrl-C. Exit codes: 0 stopped, 1 failed to start, 2 bad flags or configuration.
/// </summary>
internal static class SimulatorProcess
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        using var stop = new CancellationTokenSource();
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        try
        {
            return await RunAsync(CommandLine.Parse(args), stdout, stderr, stop.Token);
        }
        catch (ConfigurationException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message}");
            return 2;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception e)
        {
            await stderr.WriteLineAsync($"error: the simulator could not start: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> RunAsync(CommandLine options, TextWriter stdout, TextWriter stderr, CancellationToken stop)
    {
        if (options.Help)
        {
            await stdout.WriteAsync(CommandLine.Usage);
            return 0;
        }

        var config = SimulatorConfig.Empty;
        if (options.ConfigFile is not null)
        {
            (config, var warnings) = ConfigReader.Read(options.ConfigFile, options.DataDirectory);
            foreach (var warning in warnings)
            {
                await stderr.WriteLineAsync(warning);
            }
        }

        DataFolder.Prepare(options.DataDirectory);
        await using var github = await Simulator.StartAsync(new GitHubSimulatorOptions { Port = options.Port, DataDirectory = options.DataDirectory }, stop);
        await ConfigSeeder.ApplyAsync(github, config, stop);
        await stdout.WriteLineAsync($"listening on http://127.0.0.1:{github.Port}");
        await stdout.FlushAsync(stop);
        await WaitAsync(stop);
        return 0;
    }

    private static async Task WaitAsync(CancellationToken stop)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
            // SIGTERM or Ctrl-C: the caller disposes the simulator, which removes a temporary data folder
        }
    }
}
