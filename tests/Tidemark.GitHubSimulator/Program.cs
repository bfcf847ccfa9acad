namespace Tidemark.GitHubSimulator;

/// <summary>Entry point: <c>dotnet Tidemark.GitHubSimulator.dll --port 0 --data DIR --config FILE</c>.</summary>
internal static class Program
{
    public static Task<int> Main(string[] args) => SimulatorProcess.RunAsync(args, Console.Out, Console.Error);
}
