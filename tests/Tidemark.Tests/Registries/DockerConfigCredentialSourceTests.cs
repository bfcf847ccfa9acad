using Tidemark.Registries;

namespace Tidemark.Tests.Registries;

public sealed class DockerConfigCredentialSourceTests
{
    [Theory]
    [InlineData("/etc/docker-cfg", "/home/me", "/etc/docker-cfg/config.json")]
    [InlineData(null, "/home/me", "/home/me/.docker/config.json")]
    [InlineData("", "/home/me", "/home/me/.docker/config.json")]
    public void Default_FollowsDockerConfigThenHome(string? dockerConfig, string home, string expected)
    {
        var environment = new Dictionary<string, string?> { ["DOCKER_CONFIG"] = dockerConfig, ["HOME"] = home };

        Assert.Equal(expected, DockerConfigCredentialSource.Default(name => environment.GetValueOrDefault(name)).Path);
    }
}
