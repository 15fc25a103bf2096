#nullable enable
// Compiled by MSBuild's RoslynCodeTaskFactory (see TorchSharpNative.targets) against netstandard2.0.
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Marks one symbol-version requirement of an ELF shared library as weak (VER_FLG_WEAK), so the
/// dynamic loader accepts a system library that lacks that version. TorchSharp's
/// libLibTorchSharp.so needs GLIBCXX_3.4.32 only for std::ios_base_library_init(), which it never
/// calls at load time; Debian 12's libstdc++ stops at GLIBCXX_3.4.30.
/// </summary>
public class WeakenElfVersionNeed : Task
{
    const uint ShtGnuVerneed = 0x6ffffffe;
    const ushort VerFlagWeak = 0x2;

    /// <summary>The library to patch in place (replaced atomically, so a hard link to a package cache is broken, not written through).</summary>
    [Required] public string Library { get; set; } = "";

    /// <summary>The version name whose requirement becomes weak, e.g. GLIBCXX_3.4.32.</summary>
    [Required] public string Version { get; set; } = "";

    /// <summary>Libraries that may provide the version; when any of them does, nothing is patched.</summary>
    public string[] SystemLibraries { get; set; } = Array.Empty<string>();

    public override bool Execute()
    {
        if (!File.Exists(Library)) return true;
        foreach (var candidate in SystemLibraries)
        {
            if (File.Exists(candidate) && Contains(File.ReadAllBytes(candidate), Encoding.ASCII.GetBytes(Version + "\0")))
                return true;
        }
        byte[] elf = File.ReadAllBytes(Library);
        string? error = MarkWeak(elf, Version, out bool changed);
        if (error != null)
        {
            Log.LogError("Cannot patch {0}: {1}", Library, error);
            return false;
        }
        if (!changed) return true;
        string temp = Library + ".weaken.tmp";
        File.WriteAllBytes(temp, elf);
        File.Replace(temp, Library, null); // a rename: atomic, and never writes through a hard link
        Log.LogMessage(MessageImportance.High,
            "TfRnn: marked the {0} requirement of {1} weak (the system libstdc++ lacks it; only std::ios_base_library_init needs it).",
            Version, Path.GetFileName(Library));
        return true;
    }

    /// <summary>Sets VER_FLG_WEAK on the Vernaux entry naming <paramref name="version"/>; returns an error text or null.</summary>
    static string? MarkWeak(byte[] elf, string version, out bool changed)
    {
        changed = false;
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            return "not an ELF file";
        if (elf[4] != 2 || elf[5] != 1) return "only 64-bit little-endian ELF is supported";
        long shoff = (long)BitConverter.ToUInt64(elf, 0x28);
        int shentsize = BitConverter.ToUInt16(elf, 0x3A);
        int shnum = BitConverter.ToUInt16(elf, 0x3C);
        for (int s = 0; s < shnum; s++)
        {
            long header = shoff + (long)s * shentsize;
            if (BitConverter.ToUInt32(elf, (int)header + 4) != ShtGnuVerneed) continue;
            long offset = (long)BitConverter.ToUInt64(elf, (int)header + 0x18);
            int link = (int)BitConverter.ToUInt32(elf, (int)header + 0x28);
            int entries = (int)BitConverter.ToUInt32(elf, (int)header + 0x2C);
            long strtab = (long)BitConverter.ToUInt64(elf, (int)(shoff + (long)link * shentsize) + 0x18);
            long need = offset;
            for (int n = 0; n < entries; n++)
            {
                int count = BitConverter.ToUInt16(elf, (int)need + 2);
                long aux = need + BitConverter.ToUInt32(elf, (int)need + 8);
                for (int a = 0; a < count; a++)
                {
                    long name = strtab + BitConverter.ToUInt32(elf, (int)aux + 8);
                    if (ReadCString(elf, name) == version)
                    {
                        ushort flags = BitConverter.ToUInt16(elf, (int)aux + 4);
                        if ((flags & VerFlagWeak) != 0) return null;
                        BitConverter.GetBytes((ushort)(flags | VerFlagWeak)).CopyTo(elf, (int)aux + 4);
                        changed = true;
                        return null;
                    }
                    aux += BitConverter.ToUInt32(elf, (int)aux + 12);
                }
                need += BitConverter.ToUInt32(elf, (int)need + 12);
            }
            return null; // the library does not need this version at all
        }
        return "no .gnu.version_r section";
    }

    static string ReadCString(byte[] bytes, long start)
    {
        int end = (int)start;
        while (end < bytes.Length && bytes[end] != 0) end++;
        return Encoding.ASCII.GetString(bytes, (int)start, end - (int)start);
    }

    static bool Contains(byte[] haystack, byte[] needle)
    {
        // The task factory compiles against netstandard2.0, so no Span search here.
        for (int i = 0; i + needle.Length <= haystack.Length; i++)
        {
            int j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j]) j++;
            if (j == needle.Length) return true;
        }
        return false;
    }
}
