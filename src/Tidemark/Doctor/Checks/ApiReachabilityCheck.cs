namespace Tidemark.Doctor.Checks;

/// <summary>Step 2: <c>GET /</c> without the token answers with GitHub's root document (not a token problem if not).</summary>
internal sealed class ApiReachabilityCheck : IDoctorCheck
{
    public string Name => CheckNames.ApiReachability;

    public IReadOnlyList<Capability> Capabilities { get; } = [Capability.Authenticate];

    public IReadOnlyList<string> Requires { get; } = [];

    public bool InTokenCheck => true;

    public async Task<IReadOnlyList<Finding>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var api = context.Anonymous.ApiBase.AbsoluteUri;
        var fix = "check --api-url (GitHub Enterprise Server: https://HOST/api/v3/) and the proxy settings; this is not a token problem";
        var root = await context.Anonymous.ReachAsync(cancellationToken).ConfigureAwait(false);
        if (root.Status == 0)
        {
            return [Finding.Error($"Cannot reach {api}: {root.NetworkError}", fix)];
        }

        if (!root.IsSuccess || root.String("current_user_url") is null)
        {
            return [Finding.Error($"{api} does not answer like GitHub's REST API ({root.Describe()})", fix)];
        }

        return [Finding.Ok($"{api} answers as GitHub's REST API")];
    }
}
