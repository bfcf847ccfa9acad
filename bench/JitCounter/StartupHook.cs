using System.Globalization;
using System.Runtime;

/// <summary>
/// Loaded by the runtime before <c>Main</c> when named in <c>DOTNET_STARTUP_HOOKS</c>. At process exit it appends one
/// line, <c>jit-methods N jit-ms M</c> (and with <c>JIT_COUNTER_ASSEMBLIES=1</c> the loaded assemblies), to the file named by <c>JIT_COUNTER_OUT</c> (standard error when unset), so
/// the tool's own output stays byte-identical.
/// </summary>
internal static class StartupHook
{
    public static void Initialize()
    {
        if (Environment.GetEnvironmentVariable("JIT_COUNTER_LOAD_STACK") is { Length: > 0 } prefix)
        {
            // who loads an assembly whose name starts with the prefix (e.g. System.Reflection.Emit): its stack, once
            AppDomain.CurrentDomain.AssemblyLoad += (_, e) =>
            {
                if (e.LoadedAssembly.GetName().Name?.StartsWith(prefix, StringComparison.Ordinal) == true)
                {
                    Console.Error.WriteLine("load " + e.LoadedAssembly.GetName().Name + "\n" + Environment.StackTrace);
                }
            };
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            var line = string.Create(
                CultureInfo.InvariantCulture,
                $"jit-methods {JitInfo.GetCompiledMethodCount()} jit-ms {JitInfo.GetCompilationTime().TotalMilliseconds:F0}\n");
            if (Environment.GetEnvironmentVariable("JIT_COUNTER_ASSEMBLIES") == "1")
            {
                // which assemblies a command loaded: each one costs start-up even when precompiled
                line += string.Join('\n', AppDomain.CurrentDomain.GetAssemblies().Select(a => "assembly " + a.GetName().Name).Order(StringComparer.Ordinal)) + "\n";
            }
            var path = Environment.GetEnvironmentVariable("JIT_COUNTER_OUT");
            if (string.IsNullOrEmpty(path))
            {
                Console.Error.Write(line);
            }
            else
            {
                File.AppendAllText(path, line);
            }
        };
    }
}
