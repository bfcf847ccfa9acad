using Tidemark.Cli.Serve.Webhooks;

namespace Tidemark.Tests.Serve.Webhooks;

public sealed class WebhookParserTests
{
    private static WebhookParse GitHub(string kind, string json, string delivery = "d-1") =>
        new GitHubParser().Parse(WebhookPayload.Of(Payloads.Bytes(json), (GitHubParser.EventHeader, kind), (GitHubParser.DeliveryHeader, delivery)));

    private static WebhookParse Parse(IWebhookParser parser, string json) => parser.Parse(WebhookPayload.Of(Payloads.Bytes(json)));

    private static WebhookTrigger Single(WebhookParse parse) => Assert.Single(Assert.IsType<WebhookParse.Accepted>(parse).Triggers);

    [Theory]
    [InlineData(true, "pull request #7 merged")]
    [InlineData(false, "pull request #7 closed")]
    public void A_closed_pull_request_reconciles_its_repository(bool merged, string why)
    {
        var parse = GitHub("pull_request", Payloads.PullRequest("closed", merged));

        Assert.Equal("d-1", ((WebhookParse.Accepted)parse).DeliveryId);
        Assert.Equal(new WebhookTrigger.Reconcile("acme/fleet", why), Single(parse));
    }

    [Fact]
    public void An_opened_pull_request_is_ignored() =>
        Assert.Contains("only closed", Assert.IsType<WebhookParse.Ignored>(GitHub("pull_request", Payloads.PullRequest("opened", false))).Reason);

    [Theory]
    [InlineData("refs/heads/main", "main")]
    [InlineData("refs/heads/release/2.x", "release/2.x")]
    [InlineData("refs/heads/tidemark/image-updates", "tidemark/image-updates")]
    public void A_push_to_any_branch_names_the_branch_and_the_default_branch_for_the_scheduler_to_compare(string reference, string branch) =>
        Assert.Equal(new WebhookTrigger.BranchPushed("acme/fleet", branch, "main"), Single(GitHub("push", Payloads.Push(reference))));

    [Theory]
    [InlineData("refs/tags/v1.0.0", false, "not a branch")]
    [InlineData("refs/heads/main", true, "branch main deleted")]
    public void Tag_pushes_and_deleted_branches_are_ignored(string reference, bool deleted, string reason) =>
        Assert.Contains(reason, Assert.IsType<WebhookParse.Ignored>(GitHub("push", Payloads.Push(reference, deleted))).Reason);

    [Theory]
    [InlineData("package", "container")]
    [InlineData("registry_package", "CONTAINER")]
    public void A_published_container_package_rescans_its_ghcr_image(string kind, string type) =>
        Assert.Equal(new WebhookTrigger.ImagePushed("ghcr.io/acme/web-app", "1.4.0"), Single(GitHub(kind, Payloads.Package(kind, type))));

    [Fact]
    public void Packages_that_are_not_published_containers_or_are_untagged_are_ignored()
    {
        Assert.IsType<WebhookParse.Ignored>(GitHub("package", Payloads.Package("package", "npm")));
        Assert.IsType<WebhookParse.Ignored>(GitHub("package", Payloads.Package("package", "container", action: "updated")));
        Assert.IsType<WebhookParse.Ignored>(GitHub("package", Payloads.Package("package", "container", tag: "")));
    }

    [Fact]
    public void Ping_and_other_events_are_ignored_with_their_delivery_id()
    {
        Assert.Equal(new WebhookParse.Ignored("d-1", "ping"), GitHub("ping", Payloads.Ping));
        Assert.Equal("d-1", Assert.IsType<WebhookParse.Ignored>(GitHub("issues", """{"action":"opened"}""")).DeliveryId);
    }

    [Theory]
    [InlineData("push", "{\"ref\":")]
    [InlineData("push", "[1,2]")]
    [InlineData("push", "{\"ref\":\"refs/heads/main\"}")]
    [InlineData("pull_request", "{\"action\":\"closed\",\"repository\":{\"full_name\":\"acme/fleet\"}}")]
    [InlineData("package", "{\"action\":\"published\"}")]
    public void Bodies_GitHub_does_not_send_are_malformed(string kind, string json) =>
        Assert.IsType<WebhookParse.Malformed>(GitHub(kind, json));

    [Fact]
    public void A_GitHub_delivery_without_an_event_header_is_malformed() =>
        Assert.IsType<WebhookParse.Malformed>(new GitHubParser().Parse(WebhookPayload.Of(Payloads.Bytes(Payloads.Ping))));

    [Theory]
    [InlineData("acme/app", "docker.io/acme/app")]
    [InlineData("nginx", "docker.io/library/nginx")]
    public void Docker_Hub_pushes_name_the_docker_io_repository(string repoName, string image)
    {
        var parse = Parse(new DockerHubParser(), Payloads.DockerHub(repoName, "1.2.3"));

        Assert.Null(((WebhookParse.Accepted)parse).DeliveryId);
        Assert.Equal(new WebhookTrigger.ImagePushed(image, "1.2.3"), Single(parse));
    }

    [Fact]
    public void Docker_Hub_bodies_without_the_repository_are_malformed()
    {
        Assert.IsType<WebhookParse.Malformed>(Parse(new DockerHubParser(), """{"push_data":{"tag":"1"}}"""));
        Assert.IsType<WebhookParse.Malformed>(Parse(new DockerHubParser(), """{"push_data":{"tag":"1"},"repository":{"repo_name":"Not Valid"}}"""));
    }

    [Theory]
    [InlineData("""["1.0.0","latest"]""")]
    [InlineData("""{"1.0.0":"b750fe79","latest":"b750fe79"}""")]
    public void Quay_pushes_name_each_updated_tag(string tags)
    {
        var triggers = Assert.IsType<WebhookParse.Accepted>(Parse(new QuayParser(), Payloads.Quay(tags))).Triggers;

        Assert.Equal([new WebhookTrigger.ImagePushed("quay.io/acme/app", "1.0.0"), new WebhookTrigger.ImagePushed("quay.io/acme/app", "latest")], triggers);
    }

    [Fact]
    public void Quay_notifications_without_tags_are_ignored_and_without_a_name_malformed()
    {
        Assert.IsType<WebhookParse.Ignored>(Parse(new QuayParser(), Payloads.Quay("[]")));
        Assert.IsType<WebhookParse.Malformed>(Parse(new QuayParser(), """{"updated_tags":["1"]}"""));
    }

    [Fact]
    public void Harbor_push_artifact_names_the_resource_repository() =>
        Assert.Equal(new WebhookTrigger.ImagePushed("harbor.example.com/platform/api", "2.0.1"), Single(Parse(new HarborParser(), Payloads.Harbor("PUSH_ARTIFACT"))));

    [Fact]
    public void Other_Harbor_events_are_ignored_and_bad_ones_malformed()
    {
        Assert.IsType<WebhookParse.Ignored>(Parse(new HarborParser(), Payloads.Harbor("PULL_ARTIFACT")));
        Assert.IsType<WebhookParse.Malformed>(Parse(new HarborParser(), """{"type":"PUSH_ARTIFACT","event_data":{}}"""));
        Assert.IsType<WebhookParse.Malformed>(Parse(new HarborParser(), """{"specversion":"1.0","id":"x","data":{}}"""));
    }

    [Fact]
    public void Distribution_envelopes_yield_tagged_manifest_pushes_only()
    {
        var body = Payloads.Distribution(
            Payloads.DistributionEvent("e1", "push", "team/app", null, "application/octet-stream"),
            Payloads.DistributionEvent("e2", "push", "team/app", "1.2.4"),
            Payloads.DistributionEvent("e3", "pull", "team/app", "1.2.3"),
            Payloads.DistributionEvent("e4", "push", "team/app", null));

        var parse = Assert.IsType<WebhookParse.Accepted>(Parse(new DistributionParser(), body));

        Assert.Equal("events:e1,e2,e3,e4", parse.DeliveryId);
        Assert.Equal(new WebhookTrigger.ImagePushed("127.0.0.1:5000/team/app", "1.2.4"), Assert.Single(parse.Triggers));
    }

    [Fact]
    public void Distribution_envelopes_without_a_tagged_push_are_ignored_and_without_events_malformed()
    {
        Assert.IsType<WebhookParse.Ignored>(Parse(new DistributionParser(), Payloads.Distribution(Payloads.DistributionEvent("e1", "pull", "team/app", "1"))));
        Assert.IsType<WebhookParse.Malformed>(Parse(new DistributionParser(), """{"event":[]}"""));
        Assert.IsType<WebhookParse.Malformed>(Parse(new DistributionParser(), """{"events":[{"target":{}}]}"""));
    }

    [Fact]
    public void Every_sender_has_one_parser_and_is_found_by_name_in_any_case()
    {
        Assert.Equal(["github", "dockerhub", "quay", "harbor", "distribution"], WebhookParsers.All.Select(p => p.Sender));
        Assert.IsType<QuayParser>(WebhookParsers.Find("Quay"));
        Assert.Null(WebhookParsers.Find("gitlab"));
    }

    [Fact]
    public void Every_parser_calls_invalid_JSON_malformed()
    {
        foreach (var parser in WebhookParsers.All)
        {
            var payload = WebhookPayload.Of(Payloads.Bytes("{not json"), (GitHubParser.EventHeader, "push"));
            Assert.IsType<WebhookParse.Malformed>(parser.Parse(payload));
        }
    }
}
