using System.Diagnostics;
using System.Text.Json.Nodes;
using Tidemark.Tests.Manifests;

namespace Tidemark.Tests.Deploy;

/// <summary>
/// The Kubernetes manifests under <c>deploy/kubernetes</c>: rendered with <c>kubectl kustomize</c> and checked with
/// <c>validate-kubernetes.mjs</c> (the Kubernetes OpenAPI schema compiled by npm <c>kubernetes-models</c> 5.1.0, from
/// <c>.cache/npm</c>, installed by <c>scripts/ensure-npm.sh</c>). Both tools missing is a failure naming the fix, never a skip.
/// </summary>
internal static class Manifests
{
    public static string Root { get; } = YamlOracle.RepositoryRoot();

    /// <summary><c>kubectl kustomize DIR</c>'s output (multi-document YAML).</summary>
    public static string Kustomize(string directory)
    {
        var (code, stdout, stderr) = Run("kubectl", ["kustomize", directory]);
        Assert.True(code == 0, $"kubectl kustomize {directory} exited with {code}: {stderr}");
        return stdout;
    }

    /// <summary>Every object of <paramref name="yaml"/> with its schema verdict.</summary>
    public static IReadOnlyList<Validated> Validate(string yaml)
    {
        var modules = Path.Combine(Root, ".cache", "npm", "node_modules");
        Assert.True(File.Exists(Path.Combine(modules, "kubernetes-models", "package.json")),
            $"{modules}/kubernetes-models is missing: run scripts/ensure-npm.sh");
        var file = Path.Combine(Path.GetTempPath(), $"tidemark-k8s-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, yaml);
        try
        {
            var script = Path.Combine(Root, "tests", "Tidemark.Tests", "Deploy", "validate-kubernetes.mjs");
            var (code, stdout, stderr) = Run("node", [script, modules, file]);
            Assert.True(code == 0, $"node validate-kubernetes.mjs exited with {code}: {stderr}");
            var results = JsonNode.Parse(stdout)!.AsArray();
            return [.. results.Select(r => new Validated(
                (string?)r!["kind"] ?? "",
                (string?)r["name"] ?? "",
                (bool)r["valid"]!,
                [.. r["errors"]!.AsArray().Select(e => (string)e!)],
                r["object"]?.AsObject() ?? []))];
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary><c>kubectl kustomize DIR</c>, every object checked against the schema (asserted valid) and returned as JSON.</summary>
    public static IReadOnlyList<JsonObject> Render(string directory)
    {
        var results = Validate(Kustomize(Path.Combine(Root, directory)));
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.True(r.Valid, $"{directory}: {r}"));
        return [.. results.Select(r => r.Object)];
    }

    public static JsonObject Single(IReadOnlyList<JsonObject> objects, string kind) =>
        Assert.Single(objects, o => (string?)o["kind"] == kind);

    public static (int Code, string Out, string Error) Run(string command, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment.Clear();
        start.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH");
        start.Environment["HOME"] = Path.GetTempPath();
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{command} did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            var fix = command == "kubectl"
                ? "install kubectl 1.27 or later (kustomize v5; scripts/ensure-deps.sh reports it)"
                : "install Node.js 20 or later (scripts/ensure-deps.sh installs it)";
            Assert.Fail($"{command} could not be started ({e.Message}): {fix}");
            throw;
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout, stderr.Result);
        }
    }
}

internal sealed record Validated(string Kind, string Name, bool Valid, IReadOnlyList<string> Errors, JsonObject Object)
{
    public override string ToString() => $"{Kind}/{Name}: {(Valid ? "valid" : string.Join("; ", Errors))}";
}
