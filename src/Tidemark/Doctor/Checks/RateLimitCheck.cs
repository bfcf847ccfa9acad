using System.Globalization;

namespace Tidemark.Doctor.Checks;

/// <summary>Step 14: the core rate limit's headroom, from <c>GET /rate_limit</c> (which does not count against it).</summary>
internal sealed class RateLimitCheck : IDoctorCheck
{
    public string Name => CheckNames.RateLimit;

    public IReadOnlyList<Capability> Capabilities { get; } = [Capability.Authenticate];

    public IReadOnlyList<string> Requires { get; } = [CheckNames.TokenValidity];

    public bool InTokenCheck => true;

    public Task<IReadOnlyList<Finding>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var reset = context.RateReset?.UtcDateTime.ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "the next hour";
        IReadOnlyList<Finding> findings = context.RateRemaining switch
        {
            null => [Finding.Ok("GitHub reported no core rate limit")],
            < 100 => [Finding.Warning(string.Create(CultureInfo.InvariantCulture, $"Only {context.RateRemaining} API calls left until {reset}"),
                "wait for the reset, or run less often; other tools using the same token share this limit")],
            _ => [Finding.Ok(string.Create(CultureInfo.InvariantCulture, $"{context.RateRemaining} of {context.RateLimit} API calls left until {reset}"))],
        };
        return Task.FromResult(findings);
    }
}
