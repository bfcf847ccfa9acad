using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tidemark.Configuration.Flux;

/// <summary>
/// Reads one <c>ImageUpdateAutomation</c>'s spec (v1alpha1's top-level <c>checkout</c>/<c>commit</c>/<c>push</c>,
/// v1beta1 and later under <c>spec.git</c>). A strategy other than <c>Setters</c> or an update path outside the
/// repository is an error at its place; fields Tidemark does not use (signing keys, push options, the Git source)
/// are warnings naming the field, never ignored silently (docs/flux.md).
/// </summary>
internal static class FluxAutomationReader
{
    private const string NotUsed = "not used by Tidemark";

    public static FluxImageUpdateAutomation Read(YamlMap spec, string ns, string name, SourcePlace place)
    {
        var git = spec.Map("git");
        var legacyCommit = spec.Map("commit");
        var commit = git?.Map("commit");
        var author = commit?.Map("author");
        var templateOwner = commit?.Get("messageTemplate") is not null ? commit : legacyCommit;
        var push = git?.Map("push") ?? spec.Map("push");
        var errorsBefore = spec.ErrorCount;
        var automation = new FluxImageUpdateAutomation(
            ns,
            name,
            CheckoutBranch(git?.Map("checkout")?.Map("ref")) ?? spec.Map("checkout")?.String("branch"),
            push?.String("branch"),
            author?.String("name") ?? legacyCommit?.String("authorName"),
            author?.String("email") ?? legacyCommit?.String("authorEmail"),
            templateOwner?.String("messageTemplate"),
            UpdatePath(spec.Map("update")),
            place)
        {
            MessageTemplatePlace = templateOwner?.Get("messageTemplate") is { } node ? TemplatePlace(place.File, node) : null,
            MessageTemplateValues = StringMap(commit?.Map("messageTemplateValues")),
            Suspended = spec.Bool("suspend") ?? false,
            RefspecBranch = RefspecBranch(push),
            PolicyLabels = PolicyLabels(spec.Map("policySelector")),
        };
        WarnNotUsed(spec, git, commit ?? legacyCommit, push);
        return automation with { Unusable = spec.ErrorCount > errorsBefore };
    }

    private static string? CheckoutBranch(YamlMap? reference)
    {
        var branch = reference?.String("branch");
        reference?.ReportUnknown($"{NotUsed}: Tidemark bases its pull request on a branch", "set checkout.ref.branch, or tidemark.yaml baseBranch");
        return branch;
    }

    private static string? UpdatePath(YamlMap? update)
    {
        if (update is null)
        {
            return null;
        }
        if (update.String("strategy") is { } strategy && strategy != "Setters")
        {
            update.Error(update.Get("strategy")!, "strategy", $"\"{strategy}\" is not an update strategy; Flux (and Tidemark) know only Setters", "write strategy: Setters, or leave it out");
        }
        var path = update.String("path");
        if (path is not null && RepositoryPaths.Escapes(path))
        {
            update.Error(update.Get("path")!, "path", $"\"{path}\" is outside the repository", "write a repository-relative folder such as ./clusters/production");
            return null;
        }
        update.ReportUnknown(NotUsed, "see docs/flux.md");
        return path;
    }

    /// <summary><c>refs/heads/main:refs/heads/auto</c> or <c>auto</c> → <c>auto</c>; a refspec to <c>refs/for/…</c> → null.</summary>
    private static string? RefspecBranch(YamlMap? push)
    {
        if (push?.String("refspec") is not { } refspec)
        {
            return null;
        }
        var destination = refspec.TrimStart('+').Split(':')[^1];
        if (destination.StartsWith("refs/heads/", StringComparison.Ordinal))
        {
            return destination["refs/heads/".Length..];
        }
        if (!destination.StartsWith("refs/", StringComparison.Ordinal) && destination.Length > 0)
        {
            return destination;
        }
        push.Warning(push.Get("refspec")!, "refspec", $"\"{refspec}\" does not push to a branch, so there is no branch to open a pull request from; {NotUsed}", "set spec.git.push.branch, or tidemark.yaml updateBranch");
        return null;
    }

    private static Dictionary<string, string>? PolicyLabels(YamlMap? selector)
    {
        if (selector is null)
        {
            return null;
        }
        if (selector.Get("matchExpressions") is { } expressions)
        {
            selector.Warning(expressions, "matchExpressions", $"{NotUsed}: only matchLabels selects policies", "express the selection with matchLabels");
        }
        var labels = StringMap(selector.Map("matchLabels"));
        selector.ReportUnknown(NotUsed, "see docs/flux.md");
        return labels;
    }

    private static void WarnNotUsed(YamlMap spec, YamlMap? git, YamlMap? commit, YamlMap? push)
    {
        if (commit?.Get("signingKey") is { } signingKey)
        {
            commit.Warning(signingKey, "signingKey", "commits are not signed: Tidemark does not read signing keys from the repository", "sign with a GitHub App (its commits are verified) or sign the merge; see docs/flux.md");
        }
        if (push?.Get("options") is { } options)
        {
            push.Warning(options, "options", $"git push options are {NotUsed}: Tidemark opens the pull request through the forge's API", "remove them, or keep them for Flux");
        }
        // Where the Git repository is and how often to run are the operator's settings (--repo, the schedule).
        spec.Known("sourceRef", "interval", "git", "update", "suspend", "policySelector", "checkout", "commit", "push");
        git?.Known("checkout", "commit", "push");
        commit?.Known("author", "messageTemplate", "messageTemplateValues", "authorName", "authorEmail");
        push?.Known("branch", "refspec");
        spec.ReportUnknown(NotUsed, "see docs/flux.md");
    }

    /// <summary>A block scalar (<c>|</c>, <c>|-</c>, <c>&gt;</c>) starts on the line after its indicator.</summary>
    private static SourcePlace TemplatePlace(string file, YamlNode node)
    {
        var block = node is YamlScalarNode { Style: ScalarStyle.Literal or ScalarStyle.Folded };
        var quoted = node is YamlScalarNode { Style: ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted };
        return new SourcePlace(file, (int)node.Start.Line + (block ? 1 : 0), block ? 1 : (int)node.Start.Column + (quoted ? 1 : 0));
    }

    /// <summary>A mapping of text values (<c>messageTemplateValues</c>, <c>matchLabels</c>, <c>metadata.labels</c>).</summary>
    public static Dictionary<string, string> StringMap(YamlMap? map)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (map?.Node is not YamlMappingNode mapping)
        {
            return values;
        }
        foreach (var (key, value) in mapping.Children)
        {
            if (key is YamlScalarNode { Value: { } name } && value is YamlScalarNode { Value: { } text })
            {
                values[name] = text;
            }
        }
        return values;
    }
}
