using Tidemark.Credentials;
using Tidemark.Doctor;
using Tidemark.Forges.GitHub;
using Tidemark.Git;

namespace Tidemark.Tests.Doctor;

/// <summary>The runner skips what depends on a failure and says so; the summary puts the failing capability and its fix first; hints map run's failures to checks.</summary>
public sealed class DoctorRunnerTests
{
    [Fact]
    public async Task RunAsync_PrerequisiteFails_DependentIsSkippedAndNamesIt()
    {
        using var anonymous = GitHubFamily.Build(new Tidemark.Forges.ForgeConnection(new Uri("http://127.0.0.1:9/"), "acme", "gitops", _ => ValueTask.FromResult(""), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance));
        var redactor = new Redactor();
        redactor.Register("ghp_secretsecretsecretsecret");
        var context = new DoctorContext
        {
            Settings = new DoctorSettings("acme", "gitops", anonymous.ApiBase, false, "GITHUB_TOKEN", () => "x"),
            Time = TimeProvider.System,
            Redactor = redactor,
            Anonymous = anonymous,
        };
        IReadOnlyList<IDoctorCheck> checks =
        [
            new FixedCheck("first", [], Finding.Error("bad ghp_secretsecretsecretsecret", "do X")),
            new FixedCheck("second", ["first"], Finding.Ok("never")),
            new FixedCheck("third", [], Finding.Warning("meh", "do Y")),
        ];

        var report = await DoctorRunner.RunAsync(checks, context, CancellationToken.None);

        Assert.True(report.HasErrors);
        Assert.Equal(CheckLevel.Skipped, report.Checks[1].Level);
        Assert.Contains("it needs first", report.Checks[1].Findings[0].Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ghp_secret", report.Checks[0].Findings[0].Message, StringComparison.Ordinal);
        Assert.Equal("do X", report.FirstFix);
        Assert.Equal((Capability.PushBranch, CheckLevel.Error, "do X"), (report.Summary()[0].Capability, report.Summary()[0].Level, report.Summary()[0].Fix));
    }

    [Fact]
    public async Task Summary_OnePartPassedAndOneSkipped_TheCapabilityIsNotProven()
    {
        using var anonymous = GitHubFamily.Build(new Tidemark.Forges.ForgeConnection(new Uri("http://127.0.0.1:9/"), "acme", "gitops", _ => ValueTask.FromResult(""), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance));
        var context = new DoctorContext
        {
            Settings = new DoctorSettings("acme", "gitops", anonymous.ApiBase, false, "GITHUB_TOKEN", () => "x"),
            Time = TimeProvider.System,
            Redactor = new Redactor(),
            Anonymous = anonymous,
        };
        IReadOnlyList<IDoctorCheck> checks =
        [
            new FixedCheck("token", [], Finding.Error("no token", "set it"), Capability.Authenticate),
            new FixedCheck("push", ["token"], Finding.Ok("never runs")),
            new FixedCheck("git", [], Finding.Ok("git 2.39")),
        ];

        var report = await DoctorRunner.RunAsync(checks, context, CancellationToken.None);

        var push = Assert.Single(report.Summary(), line => line.Capability == Capability.PushBranch);
        Assert.Equal(CheckLevel.Skipped, push.Level);
        Assert.Equal(CheckLevel.Error, Assert.Single(report.Summary(), line => line.Capability == Capability.Authenticate).Level);
    }

    [Theory]
    [InlineData(nameof(GitFailureKind.NoWriteAccess), CheckNames.PushPermission)]
    [InlineData(nameof(GitFailureKind.BadCredentials), CheckNames.TokenValidity)]
    [InlineData(nameof(GitFailureKind.RulesetViolation), CheckNames.BranchRules)]
    [InlineData(nameof(GitFailureKind.WorkflowPermission), CheckNames.Workflows)]
    [InlineData(nameof(GitFailureKind.SsoRequired), CheckNames.Repository)]
    public void CheckFor_GitFailure_NamesTheCheck(string kind, string check)
    {
        Assert.Equal(check, DoctorHints.CheckFor(Enum.Parse<GitFailureKind>(kind)));
    }

    private sealed class FixedCheck(string name, IReadOnlyList<string> requires, Finding finding, Capability capability = Capability.PushBranch) : IDoctorCheck
    {
        public string Name => name;

        public IReadOnlyList<Capability> Capabilities { get; } = [capability];

        public IReadOnlyList<string> Requires => requires;

        public bool InTokenCheck => true;

        public Task<IReadOnlyList<Finding>> RunAsync(DoctorContext context, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Finding>>([finding]);
    }
}
