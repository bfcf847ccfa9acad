using System.Diagnostics;
using System.Text.Json;

namespace Tidemark.Tests.Manifests;

/// <summary>
/// Runs <c>yaml-oracle.cjs</c> (npm <c>yaml</c> 2.9.1 from <c>.cache/npm</c>, installed by <c>scripts/ensure-npm.sh</c>)
/// with <c>node</c> over a list of files, once for the whole list, and reads its JSON.
/// </summary>
internal static class YamlOracle
{
    public static IReadOnlyList<OracleFile> Read(IReadOnlyList<string> paths, string workDirectory)
    {
        var root = RepositoryRoot();
        var module = Path.Combine(root, ".cache", "npm", "node_modules", "yaml");
        Assert.True(File.Exists(Path.Combine(module, "package.json")), $"{module} is missing: run scripts/ensure-npm.sh");
        var list = Path.Combine(workDirectory, "files.txt");
        File.WriteAllText(list, string.Join('\n', paths) + "\n");
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(root, "tests", "Tidemark.Tests", "Manifests", "yaml-oracle.cjs"));
        start.ArgumentList.Add(module);
        start.ArgumentList.Add(list);
        start.Environment.Clear();
        start.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"node yaml-oracle.cjs exited with {process.ExitCode}: {stderr.Result}");
        using var json = JsonDocument.Parse(stdout);
        return [.. json.RootElement.EnumerateArray().Select(Parse)];
    }

    private static OracleFile Parse(JsonElement file) => new(
        file.GetProperty("file").GetString()!,
        file.GetProperty("valid").GetBoolean(),
        [.. file.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!)],
        [.. file.GetProperty("scalars").EnumerateArray().Select(s => (Int(s, "start"), Int(s, "end"), s.GetProperty("value").GetString()!))],
        [.. file.GetProperty("aliases").EnumerateArray().Select(a => (Int(a, "start"), Int(a, "end"), a.GetProperty("name").GetString()!))],
        [.. file.GetProperty("comments").EnumerateArray().Select(c => (Int(c, "start"), c.GetProperty("text").GetString()!))]);

    private static int Int(JsonElement element, string name) => element.GetProperty(name).GetInt32();

    /// <summary>The folder holding <c>Tidemark.slnx</c> above the test binaries.</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tidemark.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("no Tidemark.slnx above " + AppContext.BaseDirectory);
    }
}
