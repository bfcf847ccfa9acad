using System.Text;

namespace Tidemark.Tests.Serve.Webhooks;

/// <summary>Deliveries shaped as the senders document them (trimmed to the fields that matter plus some that do not). <c>@NAME@</c> marks a value filled in.</summary>
internal static class Payloads
{
    public const string Ping = """{"zen":"Keep it logically awesome.","hook_id":1,"hook":{"type":"Repository","events":["push"]}}""";

    public static byte[] Bytes(string json) => Encoding.UTF8.GetBytes(json);

    public static string PullRequest(string action, bool merged, string repository = "acme/fleet") => Fill("""
        {"action":"@ACTION@","number":7,
         "pull_request":{"id":1,"number":7,"state":"closed","merged":@MERGED@,"title":"Update images",
                         "head":{"ref":"tidemark/image-updates"},"base":{"ref":"main"}},
         "repository":{"id":42,"name":"fleet","full_name":"@REPOSITORY@","default_branch":"main","private":true},
         "sender":{"login":"octocat","type":"User"}}
        """, ("ACTION", action), ("MERGED", merged ? "true" : "false"), ("REPOSITORY", repository));

    public static string Push(string reference, bool deleted = false) => Fill("""
        {"ref":"@REF@","before":"0000000000000000000000000000000000000000","after":"6113728f27ae82c7b1a177c8d03f9e96e0adf246",
         "created":false,"deleted":@DELETED@,"forced":false,
         "repository":{"id":42,"name":"fleet","full_name":"acme/fleet","default_branch":"main","master_branch":"main"},
         "pusher":{"name":"octocat","email":"octocat@example.invalid"},"commits":[],"head_commit":null}
        """, ("REF", reference), ("DELETED", deleted ? "true" : "false"));

    public static string Package(string kind, string type, string action = "published", string tag = "1.4.0") => Fill("""
        {"action":"@ACTION@",
         "@KIND@":{"id":9,"name":"Web-App","namespace":"Acme","ecosystem":"CONTAINER","package_type":"@TYPE@",
                   "owner":{"login":"Acme","type":"Organization"},
                   "package_version":{"id":11,"version":"sha256:3c4d","container_metadata":{"tag":{"name":"@TAG@","digest":"sha256:3c4d"},"labels":{}}},
                   "registry":{"name":"GitHub CNCF Container Registry","url":"https://ghcr.io/acme","vendor":"GitHub Inc"}},
         "repository":{"full_name":"acme/web-app"},"sender":{"login":"octocat"}}
        """, ("ACTION", action), ("KIND", kind), ("TYPE", type), ("TAG", tag));

    public static string DockerHub(string repoName, string tag) => Fill("""
        {"callback_url":"https://registry.hub.docker.com/u/acme/app/hook/2141b5bi5i5b02bec211i4eeih0242eg11000a/",
         "push_data":{"pushed_at":1733212800,"pusher":"acmebot","tag":"@TAG@","images":[]},
         "repository":{"comment_count":0,"date_created":1417494799,"description":"","is_official":false,"is_private":false,
                       "name":"@NAME@","namespace":"@NAMESPACE@","owner":"acme","repo_name":"@REPO@",
                       "repo_url":"https://registry.hub.docker.com/u/@REPO@/","star_count":0,"status":"Active"}}
        """, ("TAG", tag), ("NAME", repoName.Split('/')[^1]), ("NAMESPACE", repoName.Contains('/', StringComparison.Ordinal) ? repoName.Split('/')[0] : "library"), ("REPO", repoName));

    public static string Quay(string tagsJson) => Fill("""
        {"repository":"acme/app","namespace":"acme","name":"app","docker_url":"quay.io/acme/app",
         "homepage":"https://quay.io/repository/acme/app","visibility":"private","pushed_image_count":1,
         "updated_tags":@TAGS@}
        """, ("TAGS", tagsJson));

    public static string Harbor(string type, string tag = "2.0.1") => Fill("""
        {"type":"@TYPE@","occur_at":1733212800,"operator":"admin",
         "event_data":{"resources":[{"digest":"sha256:5a27","tag":"@TAG@","resource_url":"harbor.example.com/platform/api:@TAG@"}],
                       "repository":{"date_created":1733000000,"name":"api","namespace":"platform","repo_full_name":"platform/api","repo_type":"private"}}}
        """, ("TYPE", type), ("TAG", tag));

    public static string Distribution(params string[] events) => "{\"events\":[" + string.Join(',', events) + "]}";

    public static string DistributionEvent(string id, string action, string repository, string? tag, string mediaType = "application/vnd.oci.image.manifest.v1+json", string host = "127.0.0.1:5000") => Fill("""
        {"id":"@ID@","timestamp":"2026-12-03T16:00:00.000000000Z","action":"@ACTION@",
         "target":{"mediaType":"@MEDIA@","size":428,"digest":"sha256:9f86","length":428,"repository":"@REPOSITORY@",
                   "url":"http://@HOST@/v2/@REPOSITORY@/manifests/sha256:9f86"@TAG@},
         "request":{"id":"b4c1","addr":"127.0.0.1:50112","host":"@HOST@","method":"PUT","useragent":"tidemark-test"},
         "actor":{},"source":{"addr":"box:5000","instanceID":"2a1b"}}
        """, ("ID", id), ("ACTION", action), ("MEDIA", mediaType), ("REPOSITORY", repository), ("HOST", host), ("TAG", tag is null ? "" : $",\"tag\":\"{tag}\""));

    private static string Fill(string template, params (string Name, string Value)[] values) =>
        values.Aggregate(template, (text, v) => text.Replace($"@{v.Name}@", v.Value, StringComparison.Ordinal));
}
