using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Tidemark.Credentials;
using Tidemark.Doctor;
using Tidemark.Doctor.Checks;
using Tidemark.Forges.GitHub;

namespace Tidemark.Tests.Doctor;

/// <summary>Expiry levels against a fake clock: warnings at 14, 7 and 1 days, an error once past, "unknown" when GitHub sends the current time.</summary>
public sealed class TokenExpiryCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(40.0, "Ok", "in 40 days")]
    [InlineData(13.5, "Warning", "in 13 days, within 14")]
    [InlineData(6.5, "Warning", "in 6 days, within 7")]
    [InlineData(0.5, "Warning", "in less than a day")]
    [InlineData(-2.0, "Error", "the token expired on 2026-11-24 12:00 UTC")]
    public async Task Run_ExpiryHeader_GivesTheThresholdLevel(double days, string levelName, string message)
    {
        var level = Enum.Parse<CheckLevel>(levelName);
        var expiry = Now.AddDays(days).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

        var finding = await RunAsync(new Dictionary<string, string> { ["GitHub-Authentication-Token-Expiration"] = expiry, ["Date"] = Now.ToString("R") });

        Assert.Equal(level, finding.Level);
        Assert.Contains(message, finding.Message, StringComparison.Ordinal);
        Assert.Equal(level != CheckLevel.Ok, finding.Fix is not null);
    }

    [Fact]
    public async Task Run_HeaderCarriesTheCurrentTime_SaysUnknown()
    {
        var finding = await RunAsync(new Dictionary<string, string> { ["GitHub-Authentication-Token-Expiration"] = "2026-11-26 12:00:30 UTC", ["Date"] = Now.ToString("R") });

        Assert.Equal(CheckLevel.Ok, finding.Level);
        Assert.Contains("token expiry unknown", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoHeader_SaysNoExpiry()
    {
        var finding = await RunAsync(new Dictionary<string, string>());

        Assert.Equal(CheckLevel.Ok, finding.Level);
        Assert.Contains("no expiry date", finding.Message, StringComparison.Ordinal);
    }

    private static async Task<Finding> RunAsync(Dictionary<string, string> headers)
    {
        using var anonymous = GitHubFamily.Build(new Tidemark.Forges.ForgeConnection(new Uri("http://127.0.0.1:9/"), "acme", "gitops", _ => ValueTask.FromResult(""), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance));
        var context = new DoctorContext
        {
            Settings = new DoctorSettings("acme", "gitops", anonymous.ApiBase, false, "GITHUB_TOKEN", () => "x"),
            Time = new FakeTimeProvider(Now),
            Redactor = new Redactor(),
            Anonymous = anonymous,
            ExpiryHeaders = headers,
        };
        var findings = await new TokenExpiryCheck().RunAsync(context, CancellationToken.None);
        return Assert.Single(findings);
    }
}
