using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Tidemark.Testing.Helm;

/// <summary>
/// A real Helm chart archive built in memory, as <c>helm package</c> lays it out: a gzipped tar whose entries live
/// under <c>NAME/</c> (<c>Chart.yaml</c>, <c>values.yaml</c>, <c>templates/deployment.yaml</c>).
/// </summary>
public static class HelmChartArchive
{
    public static byte[] Build(string name, string version, string appVersion = "1.0.0")
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Ustar, leaveOpen: true))
        {
            Add(tar, $"{name}/Chart.yaml", ChartYaml(name, version, appVersion));
            Add(tar, $"{name}/values.yaml", "replicaCount: 1\nimage:\n  repository: ghcr.io/example/app\n  tag: \"" + appVersion + "\"\n");
            Add(tar, $"{name}/templates/deployment.yaml",
                "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  replicas: {{ .Values.replicaCount }}\n");
        }
        return buffer.ToArray();
    }

    /// <summary>The chart's <c>Chart.yaml</c> (apiVersion v2), e.g. <c>name: podinfo</c>, <c>version: 6.5.0</c>.</summary>
    public static string ChartYaml(string name, string version, string appVersion = "1.0.0") =>
        $"apiVersion: v2\nname: {name}\nversion: {version}\nappVersion: \"{appVersion}\"\ndescription: A test chart\ntype: application\n";

    /// <summary>The <c>(name, version)</c> in an archive's <c>Chart.yaml</c>, read back the way a repository indexer does.</summary>
    public static (string Name, string Version) Read(byte[] archive)
    {
        using var gzip = new GZipStream(new MemoryStream(archive), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.Name.EndsWith("/Chart.yaml", StringComparison.Ordinal) && entry.Name.Count(c => c == '/') == 1 && entry.DataStream is { } data)
            {
                using var reader = new StreamReader(data);
                var fields = reader.ReadToEnd().Split('\n').Select(l => l.Split(": ", 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1].Trim('"'));
                return (fields["name"], fields["version"]);
            }
        }
        throw new InvalidDataException("the archive holds no NAME/Chart.yaml");
    }

    private static void Add(TarWriter tar, string path, string text)
    {
        var entry = new UstarTarEntry(TarEntryType.RegularFile, path) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)), Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead };
        tar.WriteEntry(entry);
    }
}
