using System.Net;
using System.Text;
using System.Text.Json;
using Tidemark.Cli.Serve.Webhooks;
using Tidemark.Tests.Serve.Webhooks;

namespace Tidemark.IntegrationTests.Serve.Webhooks;

/// <summary>The webhook routes on real Kestrel: authentication first, then size, then parsing, then replays; only accepted deliveries reach the triggers.</summary>
public sealed class WebhookEndpointTests : IAsyncLifetime
{
    private static readonly string GitHubSecret = HookSecrets.New();
    private static readonly string RegistrySecret = HookSecrets.New();

    private WebhookHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await WebhookHost.StartAsync(GitHubSecret,
            new Dictionary<string, string> { ["dockerhub"] = RegistrySecret, ["quay"] = RegistrySecret, ["harbor"] = RegistrySecret, ["distribution"] = RegistrySecret },
            "acme/fleet");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<HttpResponseMessage> GitHubAsync(string kind, string body, string delivery, string? signature = null) =>
        _host.PostAsync("/hooks/github", body, null,
            ("X-GitHub-Event", kind), ("X-GitHub-Delivery", delivery),
            ("X-Hub-Signature-256", signature ?? WebhookSecrets.Signature(Encoding.UTF8.GetBytes(body), GitHubSecret)));

    private static async Task<string> OutcomeAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("outcome").GetString()!;

    [Fact]
    public async Task A_signed_merged_pull_request_reconciles_once_and_its_replay_does_nothing()
    {
        var body = Payloads.PullRequest("closed", merged: true);

        using var first = await GitHubAsync("pull_request", body, "72d3162e-cc78-11e3-81ab-4c9367dc0958");
        using var replay = await GitHubAsync("pull_request", body, "72d3162e-cc78-11e3-81ab-4c9367dc0958");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal("accepted", await OutcomeAsync(first));
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal("replayed", await OutcomeAsync(replay));
        Assert.Equal(["request acme/fleet: github webhook: pull request #7 merged"], _host.Triggers.Calls);
        Assert.Equal(["webhook:github"], _host.Triggers.Labels);
        Assert.Equal(["github accepted", "github replayed"], _host.Observer.Deliveries);
    }

    [Fact]
    public async Task A_signed_GitHub_body_resent_with_a_new_delivery_id_is_a_replay()
    {
        var body = Payloads.PullRequest("closed", merged: true);

        using var first = await GitHubAsync("pull_request", body, "d-replay-1");
        using var resent = await GitHubAsync("pull_request", body, "d-replay-2");

        Assert.Equal("accepted", await OutcomeAsync(first));
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Equal("replayed", await OutcomeAsync(resent));
        Assert.Single(_host.Triggers.Calls);
    }

    [Fact]
    public async Task A_delivery_while_stopping_is_503_with_Retry_After_and_its_retry_is_not_a_replay()
    {
        var body = Payloads.PullRequest("closed", merged: true);
        _host.Status.AcceptingWork = false;
        using var stopping = await GitHubAsync("pull_request", body, "d-stop");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, stopping.StatusCode);
        Assert.Equal("30", stopping.Headers.GetValues("Retry-After").Single());
        Assert.Equal("unavailable", await OutcomeAsync(stopping));
        Assert.Empty(_host.Triggers.Calls);

        _host.Status.AcceptingWork = true;
        using var retried = await GitHubAsync("pull_request", body, "d-stop");
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        Assert.Single(_host.Triggers.Calls);
    }

    [Fact]
    public async Task Ping_is_answered_200_without_side_effects()
    {
        using var response = await GitHubAsync("ping", Payloads.Ping, "d-ping");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ignored", await OutcomeAsync(response));
        Assert.Empty(_host.Triggers.Calls);
    }

    [Theory]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("sha1=3a5e")]
    [InlineData("")]
    public async Task A_bad_GitHub_signature_is_401_with_no_side_effect(string signature)
    {
        using var response = await GitHubAsync("push", Payloads.Push("refs/heads/main"), "d-bad", signature);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_host.Triggers.Calls);
        Assert.Equal(["github unauthorized"], _host.Observer.Deliveries);
    }

    [Fact]
    public async Task The_signature_is_checked_before_the_body_is_parsed()
    {
        using var unsigned = await GitHubAsync("push", "{not json", "d-1", "sha256=" + new string('0', 64));
        using var signed = await GitHubAsync("push", "{not json", "d-2");

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, signed.StatusCode);
        Assert.Equal(["github unauthorized", "github malformed"], _host.Observer.Deliveries);
    }

    [Fact]
    public async Task A_signature_made_with_another_secret_is_refused()
    {
        var body = Payloads.Push("refs/heads/main");
        using var response = await GitHubAsync("push", body, "d-3", WebhookSecrets.Signature(Encoding.UTF8.GetBytes(body), HookSecrets.New()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_host.Triggers.Calls);
    }

    [Fact]
    public async Task A_push_to_another_branch_and_a_pull_request_of_an_unknown_repository_are_ignored()
    {
        using var push = await GitHubAsync("push", Payloads.Push("refs/heads/tidemark/image-updates"), "d-4");
        using var other = await GitHubAsync("pull_request", Payloads.PullRequest("closed", false, "acme/other"), "d-5");

        Assert.Equal("ignored", await OutcomeAsync(push));
        Assert.Contains("only pushes to the base branch of acme/fleet (main) trigger a reconcile", await push.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("ignored", await OutcomeAsync(other));
        Assert.Equal(["push acme/fleet tidemark/image-updates: github webhook: push to tidemark/image-updates", "request acme/other: github webhook: pull request #7 closed"], _host.Triggers.Calls);
    }

    [Fact]
    public async Task A_push_to_the_base_branch_reconciles_the_repository()
    {
        using var push = await GitHubAsync("push", Payloads.Push("refs/heads/main"), "d-base");

        Assert.Equal(HttpStatusCode.Accepted, push.StatusCode);
        Assert.Equal(["push acme/fleet main: github webhook: push to main"], _host.Triggers.Calls);
    }

    [Fact]
    public async Task A_published_GHCR_container_rescans_its_image()
    {
        using var response = await GitHubAsync("registry_package", Payloads.Package("registry_package", "CONTAINER"), "d-6");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(["pushed ghcr.io/acme/web-app: github webhook: pushed ghcr.io/acme/web-app:1.4.0"], _host.Triggers.Calls);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("pushed ghcr.io/acme/web-app:1.4.0", answer.GetProperty("reason").GetString());
        Assert.Equal(["acme/fleet"], answer.GetProperty("triggered").EnumerateArray().Select(e => e.GetString()));
    }

    public static TheoryData<string, string, string> RegistryDeliveries => new()
    {
        { "dockerhub", Payloads.DockerHub("nginx", "1.27.3"), "pushed docker.io/library/nginx: dockerhub webhook: pushed docker.io/library/nginx:1.27.3" },
        { "quay", Payloads.Quay("""["1.0.0"]"""), "pushed quay.io/acme/app: quay webhook: pushed quay.io/acme/app:1.0.0" },
        { "harbor", Payloads.Harbor("PUSH_ARTIFACT"), "pushed harbor.example.com/platform/api: harbor webhook: pushed harbor.example.com/platform/api:2.0.1" },
        { "distribution", Payloads.Distribution(Payloads.DistributionEvent("ev-1", "push", "team/app", "1.2.4")), "pushed 127.0.0.1:5000/team/app: distribution webhook: pushed 127.0.0.1:5000/team/app:1.2.4" },
    };

    [Theory]
    [MemberData(nameof(RegistryDeliveries))]
    public async Task Each_registry_sender_with_the_bearer_secret_rescans_the_pushed_image_once(string sender, string body, string call)
    {
        using var first = await _host.PostAsync($"/hooks/registry/{sender}", body, RegistrySecret);
        using var replay = await _host.PostAsync($"/hooks/registry/{sender}", body, RegistrySecret);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal("replayed", await OutcomeAsync(replay));
        Assert.Equal([call], _host.Triggers.Calls);
        Assert.Equal([$"webhook:{sender}"], _host.Triggers.Labels);
        Assert.Equal([$"{sender} accepted", $"{sender} replayed"], _host.Observer.Deliveries);
    }

    [Theory]
    [MemberData(nameof(RegistryDeliveries))]
    public async Task Each_registry_sender_with_the_path_secret_is_accepted(string sender, string body, string call)
    {
        using var response = await _host.PostAsync($"/hooks/registry/{sender}/{RegistrySecret}", body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal([call], _host.Triggers.Calls);
    }

    [Theory]
    [MemberData(nameof(RegistryDeliveries))]
    public async Task Each_registry_sender_refuses_a_wrong_or_missing_secret(string sender, string body, string _)
    {
        using var wrong = await _host.PostAsync($"/hooks/registry/{sender}", body, HookSecrets.New());
        using var missing = await _host.PostAsync($"/hooks/registry/{sender}", body);
        using var wrongPath = await _host.PostAsync($"/hooks/registry/{sender}/{HookSecrets.New()}", body);

        Assert.All([wrong, missing, wrongPath], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Empty(_host.Triggers.Calls);
        Assert.Equal(Enumerable.Repeat($"{sender} unauthorized", 3), _host.Observer.Deliveries);
    }

    [Theory]
    [InlineData("dockerhub", "{\"push_data\":")]
    [InlineData("quay", "[]")]
    [InlineData("harbor", "{\"type\":\"PUSH_ARTIFACT\"}")]
    [InlineData("distribution", "{\"events\":{}}")]
    public async Task Malformed_registry_bodies_are_400_with_no_side_effect(string sender, string body)
    {
        using var response = await _host.PostAsync($"/hooks/registry/{sender}", body, RegistrySecret);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("malformed", await OutcomeAsync(response));
        Assert.Empty(_host.Triggers.Calls);
    }

    [Fact]
    public async Task An_unknown_sender_is_404_and_not_reported()
    {
        using var response = await _host.PostAsync("/hooks/registry/gitlab", "{}", RegistrySecret);
        using var github = await _host.PostAsync("/hooks/registry/github", "{}", RegistrySecret);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, github.StatusCode);
        Assert.Empty(_host.Observer.Deliveries);
    }

    [Fact]
    public async Task An_oversize_body_is_413_with_no_side_effect()
    {
        var body = Encoding.UTF8.GetBytes(Payloads.DockerHub("acme/app", "1") + new string(' ', WebhookReceiver.MaxBodyBytes));

        using var registry = await _host.PostAsync("/hooks/registry/dockerhub", body, RegistrySecret);
        using var github = await _host.PostAsync("/hooks/github", body, null, ("X-GitHub-Event", "push"), ("X-Hub-Signature-256", WebhookSecrets.Signature(body, GitHubSecret)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, registry.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, github.StatusCode);
        Assert.Empty(_host.Triggers.Calls);
    }

    [Fact]
    public async Task A_chunked_oversize_body_is_413_too()
    {
        var body = Encoding.UTF8.GetBytes(new string(' ', WebhookReceiver.MaxBodyBytes + 1));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/registry/quay") { Content = new StreamContent(new MemoryStream(body)) };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Authorization = new("Bearer", RegistrySecret);

        using var response = await _host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task The_path_secret_never_reaches_a_log_line_at_Information()
    {
        using var response = await _host.PostAsync($"/hooks/registry/quay/{RegistrySecret}", Payloads.Quay("""["2.0.0"]"""));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var log = _host.Log;
        Assert.Contains("/hooks/registry/quay/[REDACTED]", log, StringComparison.Ordinal);
        Assert.Contains("webhook.accepted", log, StringComparison.Ordinal);
        Assert.DoesNotContain(RegistrySecret, log, StringComparison.Ordinal);
    }
}
