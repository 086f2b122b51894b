using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Spiral.Core.Events;
using Spiral.Core.Recording;

namespace Spiral.Distributed;

/// <summary>
/// Packs finished runs' <see cref="RunRecord"/>s into one byte array for the trip from a silo to the client, and
/// unpacks them into a record there. The rows travel as raw bytes (every per-step array of the record, found by
/// reflection so that a new array travels without a change here; of the per-step arrays rows 0..Steps only), the events as their raw struct
/// bytes: client and silo run the same build (<see cref="ExperimentSpec.ModelBuild"/>), so the layouts agree.
/// </summary>
public static class RunRecordCodec
{
    private static readonly string[] Header = [nameof(RunRecord.N), nameof(RunRecord.Capacity), nameof(RunRecord.Steps),
        nameof(RunRecord.StartYear), nameof(RunRecord.Seed), nameof(RunRecord.RunIndex), nameof(RunRecord.Names), nameof(RunRecord.Events)];

    /// <summary>The record's array properties that travel, in a fixed order (by name).</summary>
    private static readonly PropertyInfo[] Arrays = RowArrays();

    private static PropertyInfo[] RowArrays()
    {
        var properties = typeof(RunRecord).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var unknown = properties.Where(p => !Header.Contains(p.Name) && p.PropertyType != typeof(double[]) && p.PropertyType != typeof(bool[])).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"RunRecordCodec cannot carry RunRecord.{string.Join(", RunRecord.", unknown.Select(p => p.Name))}: add it to the codec");
        }
        return properties.Where(p => !Header.Contains(p.Name)).OrderBy(p => p.Name, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Appends one run (its job number and record) to <paramref name="writer"/>.</summary>
    public static void Write(BinaryWriter writer, long job, RunRecord record)
    {
        writer.Write(job);
        writer.Write(record.N);
        writer.Write(record.Capacity);
        writer.Write(record.Steps);
        writer.Write(record.StartYear);
        writer.Write(record.Seed);
        writer.Write(record.RunIndex);
        foreach (var name in record.Names)
        {
            writer.Write(name);
        }
        var rows = record.Steps + 1;
        foreach (var property in Arrays)
        {
            var array = (Array)property.GetValue(record)!;
            var bytes = array switch
            {
                // Per-step rows (Capacity + 1 of them): only the recorded ones travel.
                double[] d => MemoryMarshal.AsBytes(d.AsSpan(0, d.Length / (record.Capacity + 1) * rows)),
                // Per-state flags: all of them.
                bool[] b => MemoryMarshal.AsBytes(b.AsSpan()),
                _ => throw new InvalidOperationException($"RunRecord.{property.Name}: unexpected array type"),
            };
            writer.Write(bytes.Length);
            writer.Write(bytes);
        }
        var events = record.Events.Items;
        writer.Write(events.Length);
        writer.Write(Unsafe.SizeOf<SimEvent>());
        writer.Write(MemoryMarshal.AsBytes(events));
    }

    /// <summary>The job number of the next run in <paramref name="reader"/>, and its shape (states, capacity).</summary>
    public static (long Job, int States, int Capacity) ReadHead(BinaryReader reader) =>
        (reader.ReadInt64(), reader.ReadInt32(), reader.ReadInt32());

    /// <summary>Reads the rest of the run whose head <see cref="ReadHead"/> read into <paramref name="record"/> (of that shape).</summary>
    /// <exception cref="InvalidDataException">The bytes do not fit the record.</exception>
    public static void ReadInto(BinaryReader reader, RunRecord record)
    {
        var steps = reader.ReadInt32();
        var startYear = reader.ReadInt32();
        var seed = reader.ReadUInt64();
        var runIndex = reader.ReadInt64();
        record.Restore(steps, startYear, seed, runIndex);
        for (var i = 0; i < record.N; i++)
        {
            record.Names[i] = reader.ReadString();
        }
        foreach (var property in Arrays)
        {
            var array = (Array)property.GetValue(record)!;
            var length = reader.ReadInt32();
            var target = array switch
            {
                double[] d => MemoryMarshal.AsBytes(d.AsSpan()),
                bool[] b => MemoryMarshal.AsBytes(b.AsSpan()),
                _ => throw new InvalidDataException($"RunRecord.{property.Name}: unexpected array type"),
            };
            if (length > target.Length || reader.Read(target[..length]) != length)
            {
                throw new InvalidDataException($"RunRecord.{property.Name}: {length} bytes do not fit a record of {record.N} states and {record.Capacity} steps");
            }
        }
        var count = reader.ReadInt32();
        var size = reader.ReadInt32();
        if (size != Unsafe.SizeOf<SimEvent>())
        {
            throw new InvalidDataException($"events of {size} bytes; this build's are {Unsafe.SizeOf<SimEvent>()}");
        }
        record.Events.Clear();
        Span<byte> one = stackalloc byte[size];
        for (var k = 0; k < count; k++)
        {
            if (reader.Read(one) != size)
            {
                throw new InvalidDataException($"event {k} of {count} is cut short");
            }
            record.Events.Add(MemoryMarshal.Read<SimEvent>(one));
        }
    }
}
