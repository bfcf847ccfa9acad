using Tidemark.Git;

namespace Tidemark.Tests.Git;

public sealed class GitFailureClassifierTests
{
    private static readonly GitFailureContext Push = new("acme/gitops", "flux-image-updates", "push");

    public static TheoryData<string, string> Messages => new()
    {
        { "remote: Invalid username or token. Password authentication is not supported for Git operations.\nfatal: Authentication failed for 'https://github.com/acme/gitops.git/'", nameof(GitFailureKind.BadCredentials) },
        { "remote: Invalid username or password.\nfatal: Authentication failed for 'https://github.com/acme/gitops.git/'", nameof(GitFailureKind.BadCredentials) },
        { "fatal: unable to access 'https://github.com/acme/gitops.git/': The requested URL returned error: 401", nameof(GitFailureKind.BadCredentials) },
        { "fatal: could not read Username for 'https://github.com': terminal prompts disabled", nameof(GitFailureKind.SecretMissing) },
        { "remote: Permission to acme/gitops.git denied to octobot.\nfatal: unable to access 'https://github.com/acme/gitops.git/': The requested URL returned error: 403", nameof(GitFailureKind.NoWriteAccess) },
        { "remote: Write access to repository not granted.\nfatal: unable to access 'https://github.com/acme/gitops.git/': The requested URL returned error: 403", nameof(GitFailureKind.NoWriteAccess) },
        { "remote: Repository not found.\nfatal: repository 'https://github.com/acme/gitops.git/' not found", nameof(GitFailureKind.RepositoryNotFound) },
        { "fatal: '/tmp/nowhere.git' does not appear to be a git repository\nfatal: Could not read from remote repository.", nameof(GitFailureKind.RepositoryNotFound) },
        { "remote: The 'acme' organization has enabled or enforced SAML SSO.\nremote: To access this repository, visit https://github.com/orgs/acme/sso?authorization_request=ABC123 and try your request again.\nfatal: unable to access 'https://github.com/acme/gitops.git/': The requested URL returned error: 403", nameof(GitFailureKind.SsoRequired) },
        { ProtectedBranchOutput, nameof(GitFailureKind.ProtectedBranch) },
        { RulesetOutput, nameof(GitFailureKind.RulesetViolation) },
        { PushProtectionOutput, nameof(GitFailureKind.PushProtection) },
        { " ! [remote rejected] flux-image-updates -> flux-image-updates (refusing to allow a Personal Access Token to create or update workflow `.github/workflows/ci.yml` without `workflow` scope)\nerror: failed to push some refs to 'https://github.com/acme/gitops.git'", nameof(GitFailureKind.WorkflowPermission) },
        { " ! [remote rejected] flux-image-updates -> flux-image-updates (refusing to allow a GitHub App to create or update workflow `.github/workflows/ci.yml` without `workflows` permission)", nameof(GitFailureKind.WorkflowPermission) },
        { "To https://github.com/acme/gitops.git\n ! [rejected]        flux-image-updates -> flux-image-updates (fetch first)\nerror: failed to push some refs", nameof(GitFailureKind.NonFastForward) },
        { " ! [rejected]        flux-image-updates -> flux-image-updates (non-fast-forward)", nameof(GitFailureKind.NonFastForward) },
        { " ! [rejected]        0123abc -> flux-image-updates (stale info)\nerror: failed to push some refs to 'file:///tmp/r.git'", nameof(GitFailureKind.StaleLease) },
        { "fatal: unable to access 'https://github.com/acme/gitops.git/': Could not resolve host: github.com", nameof(GitFailureKind.NetworkError) },
        { "fatal: unable to access 'https://github.com/acme/gitops.git/': Failed to connect to github.com port 443 after 2 ms: Connection refused", nameof(GitFailureKind.NetworkError) },
        { "fatal: unable to access 'https://github.com/acme/gitops.git/': The requested URL returned error: 502", nameof(GitFailureKind.NetworkError) },
        { "fatal: something nobody has seen before", nameof(GitFailureKind.Unknown) },
    };

    private const string ProtectedBranchOutput =
        "remote: error: GH006: Protected branch update failed for refs/heads/flux-image-updates.\n" +
        "remote: error: Changes must be made through a pull request.\n" +
        "remote: error: At least 1 approving review is required by reviewers with write access.\n" +
        "To https://github.com/acme/gitops.git\n" +
        " ! [remote rejected] flux-image-updates -> flux-image-updates (protected branch hook declined)\n" +
        "error: failed to push some refs to 'https://github.com/acme/gitops.git'";

    private const string RulesetOutput =
        "remote: error: GH013: Repository rule violations found for refs/heads/flux-image-updates.\n" +
        "remote: Review all repository rules at http://github.com/acme/gitops/rules?ref=refs%2Fheads%2Fflux-image-updates\n" +
        "remote: \n" +
        "remote: - Cannot force-push to this branch\n" +
        "remote: \n" +
        "remote: - Required status check \"build\" is expected.\n" +
        " ! [remote rejected] flux-image-updates -> flux-image-updates (push declined due to repository rule violations)";

    private const string PushProtectionOutput =
        "remote: error: GH013: Repository rule violations found for refs/heads/flux-image-updates.\n" +
        "remote: \n" +
        "remote: - GITHUB PUSH PROTECTION\n" +
        "remote:   —————————————————————————————————————————\n" +
        "remote:     Resolve the following violations before pushing again\n" +
        "remote: \n" +
        "remote:     - Push cannot contain secrets\n" +
        "remote: \n" +
        "remote:       —— GitHub Personal Access Token ——————————————————————\n" +
        "remote:        locations:\n" +
        "remote:          - commit: 8728dbe67\n" +
        "remote:            path: apps/podinfo/values.yaml:4\n" +
        " ! [remote rejected] flux-image-updates -> flux-image-updates (push declined due to repository rule violations)";

    [Theory]
    [MemberData(nameof(Messages))]
    public void Classify_GitHubMessage_GivesKind(string stderr, string expected)
    {
        var failure = GitFailureClassifier.Classify(stderr, Push);

        Assert.Equal(Enum.Parse<GitFailureKind>(expected), failure.Kind);
        Assert.Contains("acme/gitops", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_NoWriteAccess_NamesRepositoryAndPermissionsAndDoctor()
    {
        var failure = GitFailureClassifier.Classify(
            "remote: Permission to acme/gitops.git denied to octobot.\nfatal: unable to access 'x': The requested URL returned error: 403", Push);

        Assert.Equal(GitFailureActor.TokenOwner, failure.Actor);
        Assert.StartsWith("the token cannot push to acme/gitops", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Contents: write", failure.Message, StringComparison.Ordinal);
        Assert.Contains("repo scope", failure.Message, StringComparison.Ordinal);
        Assert.Contains("tidemark doctor", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_Sso_ExtractsAuthorisationUrlAndOrganisation()
    {
        var failure = GitFailureClassifier.Classify(
            "remote: The 'acme' organization has enabled or enforced SAML SSO.\nremote: To access this repository, visit https://github.com/orgs/acme/sso?authorization_request=ABC123 and try your request again.", Push);

        Assert.Equal("https://github.com/orgs/acme/sso?authorization_request=ABC123", failure.SsoUrl);
        Assert.Contains("the acme organisation", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_ProtectedBranch_KeepsReasonLines()
    {
        var failure = GitFailureClassifier.Classify(ProtectedBranchOutput, Push);

        Assert.Equal(GitFailureActor.RepositoryAdmin, failure.Actor);
        Assert.Equal(
            ["Changes must be made through a pull request.", "At least 1 approving review is required by reviewers with write access."],
            failure.Reasons);
    }

    [Fact]
    public void Classify_Ruleset_KeepsRuleLines()
    {
        var failure = GitFailureClassifier.Classify(RulesetOutput, Push);

        Assert.Contains("Cannot force-push to this branch", failure.Reasons);
        Assert.Contains("Required status check \"build\" is expected.", failure.Reasons);
    }

    [Fact]
    public void Classify_PushProtection_KeepsFindingLocation()
    {
        var failure = GitFailureClassifier.Classify(PushProtectionOutput, Push);

        Assert.Contains("path: apps/podinfo/values.yaml:4", failure.Reasons);
        Assert.Contains("secret", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("refusing to allow a Personal Access Token to create or update workflow `.github/workflows/ci.yml` without `workflow` scope", "`workflow` scope", "Personal Access Token")]
    [InlineData("refusing to allow a Personal Access Token to create or update workflow `.github/workflows/ci.yml` without `workflows` permission", "`workflows` permission", "Personal Access Token")]
    [InlineData("refusing to allow a GitHub App to create or update workflow `.github/workflows/ci.yml` without `workflows` permission", "`workflows` permission", "GitHub App")]
    [InlineData("refusing to allow an OAuth App to create or update workflow `.github/workflows/ci.yml` without `workflow` scope", "`workflow` scope", "OAuth App")]
    public void Classify_Workflow_ExtractsFileAndMissingGrant(string reason, string grant, string tokenKind)
    {
        var failure = GitFailureClassifier.Classify($" ! [remote rejected] b -> b ({reason})", Push);

        Assert.Equal(".github/workflows/ci.yml", failure.WorkflowFile);
        Assert.Equal(grant, failure.MissingGrant);
        Assert.Contains(tokenKind, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_StaleLease_IsForRetryNotForPeople()
    {
        var failure = GitFailureClassifier.Classify(" ! [rejected]        abc -> flux-image-updates (stale info)", Push);

        Assert.Equal(GitFailureActor.Retry, failure.Actor);
        Assert.Contains("nothing was overwritten", failure.Message, StringComparison.Ordinal);
    }
}
