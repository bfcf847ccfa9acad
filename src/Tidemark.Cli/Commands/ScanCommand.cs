using System.CommandLine;
using Microsoft.Extensions.Logging;
using Tidemark.Automation;
using Tidemark.Cli.Rendering;
using Tidemark.Configuration;
using Tidemark.Configuration.Flux;
using Tidemark.Images;
using Tidemark.Registries;

namespace Tidemark.Cli.Commands;

/// <summary><c>tidemark scan IMAGE...</c>: each image's tags from its registry and the tag its policy selects.</summary>
internal static class ScanCommand
{
    public static Command Create(CliEnvironment env, ILoggerFactory logging)
    {
        var images = new Argument<string[]>("IMAGE")
        {
            Description = "Images with the tag in use, e.g. quay.io/jetstack/cert-manager-controller:v1.16.2; an OCI chart or artifact as "
                + "oci://ghcr.io/stefanprodan/charts/podinfo:6.5.0; a chart of an HTTP(S) Helm repository as the repository's URL "
                + "followed by CHART[:VERSION], e.g. https://stefanprodan.github.io/podinfo podinfo:6.5.0",
            Arity = ArgumentArity.OneOrMore,
        };
        var policy = new Option<string?>("--policy", "-p") { Description = "non-breaking (default), patch, minor, major, semver:RANGE, alphabetical[:asc|:desc], numerical[:asc|:desc]", HelpName = "POLICY" };
        var filter = new Option<string?>("--filter") { Description = "Only tags matching this regular expression (Go/Flux syntax, e.g. '^main-(?P<ts>[0-9]+)')", HelpName = "RE" };
        var extract = new Option<string?>("--extract") { Description = "What to compare from a matching tag, e.g. '$ts' (needs --filter)", HelpName = "TEMPLATE" };
        var explain = new Option<bool>("--explain") { Description = "Also list every tag and why it was or was not chosen" };
        var config = CommonOptions.Config();
        var output = CommonOptions.Output("table", "json");
        var command = new Command("scan", "List the tags of images (and the versions of Helm charts and OCI artifacts) and the tag each policy selects")
        {
            images, policy, filter, extract, explain, config, output,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(env, async () =>
        {
            var settings = await ConfigFiles.LoadAsync(parse.GetValue(config), null, new CliRunReport(env).NoteAsync, cancellationToken).ConfigureAwait(false);
            var requests = Requests(parse.GetValue(images)!, parse.GetValue(policy), parse.GetValue(filter), parse.GetValue(extract), settings);
            var results = await ScanAsync(env, logging, settings, requests, parse.GetValue(explain), cancellationToken).ConfigureAwait(false);
            await ScanRenderer.WriteAsync(env.Out, results, parse.GetValue(output)!, parse.GetValue(explain)).ConfigureAwait(false);
            return results.Any(r => r.Error is not null) ? ExitCodes.Failed : ExitCodes.Success;
        }));
        return command;
    }

    private static List<ScanRequest> Requests(string[] images, string? policy, string? filter, string? extract, TidemarkConfig config)
    {
        if (extract is not null && filter is null)
        {
            throw new UsageException("--extract needs --filter (the pattern whose groups it uses)");
        }
        var requests = new List<ScanRequest>();
        foreach (var (image, reference) in References(images))
        {
            var spec = policy is not null
                ? new PolicySpec(policy, filter, extract, new SourcePlace("--policy", 0, 0))
                : (config.RuleFor(reference.Name, reference.FamiliarName)?.Policy ?? config.DefaultPolicy) is var chosen && filter is not null
                    ? chosen with { FilterPattern = filter, FilterExtract = extract }
                    : chosen;
            var resolved = ResolvedPolicy.Resolve(spec);
            if (!resolved.Succeeded)
            {
                throw new UsageException(spec.Place.Line > 0 ? $"{spec.Place}: {resolved.Error}" : resolved.Error);
            }
            requests.Add(new ScanRequest(image, reference, resolved.Value));
        }
        return requests;
    }

    /// <summary>
    /// Each argument's reference: an image; <c>oci://host/path:tag</c> (an OCI chart or artifact, the same lookup without
    /// the scheme); or an HTTP(S) Helm repository URL followed by <c>CHART[:VERSION]</c> (the chart's versions in the
    /// repository's <c>index.yaml</c>).
    /// </summary>
    internal static IEnumerable<(string Text, ImageReference Reference)> References(IReadOnlyList<string> arguments)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if ((HelmIndexClient.IsHelmRepository(argument) || argument.StartsWith("oci://", StringComparison.Ordinal))
                && Tidemark.Manifests.HelmReleaseChart.ChartReferences.Masked(argument) is { } masked)
            {
                throw new UsageException($"\"{masked}\" has credentials in the URL: remove them; a registry's credentials come from --config, a Docker config or a Secret, never from the URL (an HTTP Helm repository is read anonymously)");
            }
            if (HelmIndexClient.IsHelmRepository(argument))
            {
                if (i + 1 >= arguments.Count || HelmIndexClient.IsHelmRepository(arguments[i + 1]) || arguments[i + 1].StartsWith("oci://", StringComparison.Ordinal))
                {
                    throw new UsageException($"\"{argument}\" is a Helm repository URL: name the chart after it, e.g. tidemark scan {argument} podinfo:6.5.0");
                }
                var chart = arguments[++i];
                var colon = chart.IndexOf(':', StringComparison.Ordinal);
                var (name, version) = colon < 0 ? (chart, null) : (chart[..colon], chart[(colon + 1)..]);
                if (name.Length == 0 || name.Contains('/', StringComparison.Ordinal) || version is { Length: 0 })
                {
                    throw new UsageException($"\"{chart}\" after {argument} is not CHART or CHART:VERSION, e.g. podinfo:6.5.0");
                }
                var (reference, error) = Tidemark.Manifests.HelmReleaseChart.ChartReferences.Of(argument, false, name, version);
                yield return (argument.TrimEnd('/') + " " + chart, reference ?? throw new UsageException($"\"{argument}\" {error}"));
                continue;
            }
            var text = argument.StartsWith("oci://", StringComparison.Ordinal) ? argument["oci://".Length..] : argument;
            yield return (argument, ImageReference.Parse(text) switch
            {
                ReferenceParseResult.Parsed parsed => parsed.Reference,
                ReferenceParseResult.Invalid invalid => throw new UsageException(invalid.ToString()),
                ReferenceParseResult.Unresolvable unresolvable => throw new UsageException($"\"{argument}\" {unresolvable.Reason}"),
                _ => throw new UsageException($"\"{argument}\" is not an image reference"),
            });
        }
    }

    private static async Task<IReadOnlyList<ScanResult>> ScanAsync(CliEnvironment env, ILoggerFactory logging, TidemarkConfig config, List<ScanRequest> requests, bool explain, CancellationToken cancellationToken)
    {
        using var client = new Composition(env, logging).Planning().RegistryClient(config, FluxObjects.Empty, "/var/run/secrets/tidemark/registries");
        using var charts = HelmIndexClient.Create(cancellationToken, client.SettingsFor, logger: logging.CreateLogger("Tidemark.Registries"));
        var scanner = new ImageScanner(new MemoizingTagSource(new ArtifactTagSource(client, charts), cancellationToken));
        var repositories = requests.Select(r => (r.Reference.Registry, r.Reference.Repository)).Distinct().Count();
        var progress = Progress.Start(env, $"listing tags of {repositories} {(repositories == 1 ? "repository" : "repositories")}", requests.Count);
        var results = await scanner.ScanAsync(requests, explain, progress, cancellationToken).ConfigureAwait(false);
        progress.Done();
        foreach (var warning in results.SelectMany(r => r.Listing?.Warnings ?? []).Distinct())
        {
            await env.Error.WriteLineAsync($"tidemark: warning: {warning}").ConfigureAwait(false);
        }
        return results;
    }
}
