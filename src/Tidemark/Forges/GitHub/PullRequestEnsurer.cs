using Microsoft.Extensions.Logging;
using Octokit;

namespace Tidemark.Forges.GitHub;

/// <summary>
/// Makes the one pull request of an update branch say what the spec says, writing only what differs: a second
/// run with the same spec sends no write at all.
/// </summary>
internal sealed class PullRequestEnsurer(GitHubForge forge, GitHubCaller caller, GitHubForgeOptions options, ILogger logger)
{
    private string Owner => options.Owner;

    private string Name => options.Repository;

    public async Task<EnsureOutcome> EnsureAsync(PullRequestSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var pull = await forge.FindOpenAsync(spec.UpdateBranch, spec.BaseBranch, cancellationToken).ConfigureAwait(false);
        var created = false;
        if (pull is null)
        {
            (pull, created) = await CreateOrFindAsync(spec, cancellationToken).ConfigureAwait(false);
            if (pull is null)
            {
                return new EnsureOutcome(EnsureAction.NothingToPropose, null, []);
            }
        }

        var changed = new List<string>();
        if (created)
        {
            changed.AddRange(["title", "body"]);
        }
        else
        {
            pull = await EditAsync(pull, spec, changed, cancellationToken).ConfigureAwait(false);
        }

        var info = await DecorateAsync(pull, spec, created, changed, cancellationToken).ConfigureAwait(false);
        var action = created ? EnsureAction.Created : changed.Count > 0 ? EnsureAction.Updated : EnsureAction.Unchanged;
        Log.PullRequestEnsured(logger, options.FullName, info.Number, action.ToString(), string.Join(", ", changed));
        return new EnsureOutcome(action, info, changed);
    }

    /// <summary>Creates the pull request; a concurrent creation is found instead; "no commits between" gives (null, false).</summary>
    private async Task<(PullRequest? Pull, bool Created)> CreateOrFindAsync(PullRequestSpec spec, CancellationToken cancellationToken)
    {
        var draft = new NewPullRequest(spec.Title, spec.UpdateBranch, spec.BaseBranch) { Body = spec.Body };
        try
        {
            var pull = await caller.CallAsync("create a pull request", c => c.PullRequest.Create(Owner, Name, draft), cancellationToken).ConfigureAwait(false);
            return (pull, true);
        }
        catch (ForgeException error) when (Says(error, "No commits between"))
        {
            return (null, false);
        }
        catch (ForgeException error) when (Says(error, "A pull request already exists"))
        {
            Log.CreateRace(logger, options.FullName, spec.UpdateBranch);
            var existing = await forge.FindOpenAsync(spec.UpdateBranch, spec.BaseBranch, cancellationToken).ConfigureAwait(false);
            return existing is null
                ? throw new ForgeException(ForgeErrorKind.Validation,
                    $"GitHub says a pull request from {Owner}:{spec.UpdateBranch} already exists in {options.FullName}, but none is open into {spec.BaseBranch}; close the other one or change the base branch", error)
                {
                    StatusCode = error.StatusCode,
                    Details = error.Details,
                }
                : (existing, false);
        }
    }

    private async Task<PullRequest> EditAsync(PullRequest pull, PullRequestSpec spec, List<string> changed, CancellationToken cancellationToken)
    {
        var update = new PullRequestUpdate();
        if (!string.Equals(pull.Title, spec.Title, StringComparison.Ordinal))
        {
            update.Title = spec.Title;
            changed.Add("title");
        }

        if (!PullRequestMapping.SameText(pull.Body, spec.Body))
        {
            update.Body = spec.Body;
            changed.Add("body");
        }

        if (changed.Count == 0)
        {
            return pull;
        }

        return await caller.CallAsync($"edit pull request #{pull.Number}", c => c.PullRequest.Update(Owner, Name, pull.Number, update), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds missing labels, requests reviewers and assignees not yet there; returns the pull request as it now is.</summary>
    private async Task<PullRequestInfo> DecorateAsync(PullRequest pull, PullRequestSpec spec, bool created, List<string> changed, CancellationToken cancellationToken)
    {
        var number = pull.Number;
        var info = PullRequestMapping.ToInfo(pull);
        var labels = PullRequestMapping.Missing(spec.Labels, info.Labels);
        if (labels.Count > 0)
        {
            var uri = new Uri($"repos/{Owner}/{Name}/issues/{number}/labels", UriKind.Relative);
            await caller.CallAsync($"add labels to pull request #{number}",
                c => c.Connection.Post<List<Label>>(uri, new AddLabelsBody(labels), "application/vnd.github+json", "application/json"), cancellationToken).ConfigureAwait(false);
            info = info with { Labels = [.. info.Labels, .. labels] };
            changed.Add("labels");
        }

        var reviewers = await MissingReviewersAsync(pull, spec, created, cancellationToken).ConfigureAwait(false);
        if (reviewers.Count > 0)
        {
            var request = new PullRequestReviewRequest(reviewers, []);
            await caller.CallAsync($"request reviewers on pull request #{number}", c => c.PullRequest.ReviewRequest.Create(Owner, Name, number, request), cancellationToken).ConfigureAwait(false);
            info = info with { RequestedReviewers = [.. info.RequestedReviewers, .. reviewers] };
            changed.Add("reviewers");
        }

        var assignees = PullRequestMapping.Missing(spec.Assignees, (pull.Assignees ?? []).Select(a => a.Login));
        if (assignees.Count > 0)
        {
            var update = new AssigneesUpdate(assignees);
            await caller.CallAsync($"assign pull request #{number}", c => c.Issue.Assignee.AddAssignees(Owner, Name, number, update), cancellationToken).ConfigureAwait(false);
            changed.Add("assignees");
        }

        return info;
    }

    /// <summary>
    /// Reviewers not yet requested. A reviewer who has reviewed leaves <c>requested_reviewers</c>, so on an existing pull
    /// request the reviews are read too: nobody is asked twice. The author cannot be asked (GitHub answers 422).
    /// </summary>
    private async Task<IReadOnlyList<string>> MissingReviewersAsync(PullRequest pull, PullRequestSpec spec, bool created, CancellationToken cancellationToken)
    {
        var present = (pull.RequestedReviewers ?? []).Select(u => u.Login).Append(pull.User?.Login ?? "").ToList();
        var missing = PullRequestMapping.Missing(spec.Reviewers, present);
        if (missing.Count == 0 || created)
        {
            return missing;
        }

        var number = pull.Number;
        var reviews = await caller.CallAsync($"read the reviews of pull request #{number}", c => c.PullRequest.Review.GetAll(Owner, Name, number), cancellationToken).ConfigureAwait(false);
        return PullRequestMapping.Missing(missing, reviews.Select(r => r.User?.Login ?? ""));
    }

    private static bool Says(ForgeException error, string text) =>
        error.Kind == ForgeErrorKind.Validation && error.Details.Any(d => d.Contains(text, StringComparison.OrdinalIgnoreCase));
}
