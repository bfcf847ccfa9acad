using Tidemark.Testing;
namespace Tidemark.IntegrationTests.Credentials;

/// <summary>A fresh folder under the system temp folder, deleted with everything in it.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = Directory.CreateTempSubdirectory("tidemark-token-").FullName;
    }

    public string Path { get; }

    public string Write(string relative, string content)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public string Script(string name, string body)
    {
        var full = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        return ExecutableScript.Write(full, "#!/bin/sh\n" + body + "\n");
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
