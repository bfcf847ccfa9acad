using System.Reflection;
using Tidemark.Versions;

namespace Tidemark.Tests.Versions;

public sealed class VersionsPurityTests
{
    private static readonly string[] ForbiddenNames =
        ["HttpClient", "Stream", "File", "FileInfo", "FileStream", "FileSystemInfo", "DirectoryInfo", "Process", "TimeProvider", "ILogger"];

    [Fact]
    public void VersionsTypes_NoMemberSignature_UsesIoClockOrLogger()
    {
        var types = typeof(TagSelector).Assembly.GetTypes()
            .Where(type => type.Namespace == "Tidemark.Versions")
            .ToList();
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

        var offenders = new List<string>();
        foreach (var type in types)
        {
            offenders.AddRange(type.GetFields(all).Where(f => IsForbidden(f.FieldType)).Select(f => $"{type.Name}.{f.Name}"));
            foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
            {
                var signature = method.GetParameters().Select(p => p.ParameterType)
                    .Concat(method is MethodInfo info ? [info.ReturnType] : []);
                offenders.AddRange(signature.Where(IsForbidden).Select(t => $"{type.Name}.{method.Name}: {t.Name}"));
            }
        }

        Assert.True(types.Count > 10, "the Versions namespace should be found");
        Assert.Empty(offenders);
    }

    private static bool IsForbidden(Type type)
    {
        var element = type.HasElementType ? type.GetElementType()! : type;
        if (element.IsGenericType && element.GetGenericArguments().Any(IsForbidden))
        {
            return true;
        }

        for (var current = element; current is not null; current = current.BaseType)
        {
            var name = current.IsGenericType ? current.Name[..current.Name.IndexOf('`', StringComparison.Ordinal)] : current.Name;
            if (ForbiddenNames.Contains(name) && current.Namespace is { } ns && (ns.StartsWith("System", StringComparison.Ordinal) || ns.StartsWith("Microsoft", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return element.GetInterfaces().Any(i => i.Name.StartsWith("ILogger", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(typeof(HttpClient), true)]
    [InlineData(typeof(MemoryStream), true)]
    [InlineData(typeof(FileInfo), true)]
    [InlineData(typeof(TimeProvider), true)]
    [InlineData(typeof(Microsoft.Extensions.Logging.ILogger<string>), true)]
    [InlineData(typeof(List<System.Diagnostics.Process>), true)]
    [InlineData(typeof(string), false)]
    [InlineData(typeof(SemanticVersion), false)]
    public void IsForbidden_KnownTypes_AreRecognised(Type type, bool expected)
    {
        Assert.Equal(expected, IsForbidden(type));
    }
}
