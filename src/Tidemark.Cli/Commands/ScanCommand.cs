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
            Description = "Images with the tag in use, e.g. quay.io/jetstack/cert-manager-controller:v1.16.2",
            Arity = ArgumentArity.OneOrMore,
        };
        var policy = new Option<string?>("--policy", "-p") { Description = "non-breaking (default), patch, minor, major, semver:RANGE, alphabetical[:asc|:desc], numerical[:asc|:desc]", HelpName = "POLICY" };
        var filter = new Option<string?>("--filter") { Description = "Only tags matching this regular expression (Go/Flux syntax, e.g. '^main-(?P<ts>[0-9]+)')", HelpName = "RE" };
        var extract = new Option<string?>("--extract") { Description = "What to compare from a matching tag, e.g. '$ts' (needs --filter)", HelpName = "TEMPLATE" };
        var explain = new Option<bool>("--explain") { Description = "Also list every tag and why it was or was not chosen" };
        var config = CommonOptions.Config();
        var output = CommonOptions.Output("table", "json");
        var command = new Command("scan", "List the tags of images from their registries and the tag each policy selects")
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
        foreach (var image in images)
        {
            var reference = ImageReference.Parse(image) switch
            {
                ReferenceParseResult.Parsed parsed => parsed.Reference,
                ReferenceParseResult.Invalid invalid => throw new UsageException(invalid.ToString()),
                ReferenceParseResult.Unresolvable unresolvable => throw new UsageException($"\"{image}\" {unresolvable.Reason}"),
                _ => throw new UsageException($"\"{image}\" is not an image reference"),
            };
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

    private static async Task<IReadOnlyList<ScanResult>> ScanAsync(CliEnvironment env, ILoggerFactory logging, TidemarkConfig config, List<ScanRequest> requests, bool explain, CancellationToken cancellationToken)
    {
        using var client = new Composition(env, logging).Planning().RegistryClient(config, FluxObjects.Empty, "/var/run/secrets/tidemark/registries");
        var scanner = new ImageScanner(new MemoizingTagSource(client, cancellationToken));
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
