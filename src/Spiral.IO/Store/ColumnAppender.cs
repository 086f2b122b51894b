using DuckDB.NET.Data;
using DuckDB.NET.Native;
using NativeAppender = DuckDB.NET.Native.DuckDBAppender;

namespace Spiral.IO.Store;

/// <summary>
/// A bulk appender for the results store's wide numeric tables (<c>series</c>, <c>beliefs</c>): rows are written into
/// typed managed column arrays of one DuckDB vector's length, and every full chunk is copied column by column into a
/// DuckDB data chunk and appended with <c>duckdb_append_data_chunk</c> (DuckDB C API, "Appender" and "Data Chunks").
/// It replaces DuckDB.NET's row appender on these tables, whose per-value path (a row object per row, a generic
/// virtual call per value) took about 0.35 s of a four-worlds sweep's 1.6 s of store CPU; with it 0.21 s (issue 18,
/// docs/reference/performance.md "Store").
/// Only BIGINT, SMALLINT and DOUBLE columns without NULLs; the table's column types are checked when it opens.
/// Appends inside the connection's current transaction, like <see cref="DuckDBConnection.CreateAppender(string)"/>.
/// </summary>
public sealed class ColumnAppender : IDisposable
{
    private readonly NativeAppender _appender;
    private readonly DuckDBDataChunk _chunk;
    private readonly DuckDBType[] _types;
    private readonly long[][] _longs;
    private readonly short[][] _shorts;
    private readonly double[][] _doubles;
    private readonly string _table;
    private bool _closed;

    /// <summary>Opens an appender on <paramref name="table"/>, whose columns must have the types <paramref name="columns"/>.</summary>
    public ColumnAppender(DuckDBConnection connection, string table, params DuckDBType[] columns)
    {
        _table = table;
        Capacity = checked((int)NativeMethods.Helpers.DuckDBVectorSize());
        if (!NativeMethods.Appender.DuckDBAppenderCreateExt(connection.NativeConnection, null, null, table, out _appender).IsSuccess())
        {
            _appender.Dispose();
            throw new ResultsStoreException($"Cannot open an appender on table {table}");
        }
        try
        {
            var count = (int)NativeMethods.Appender.DuckDBAppenderColumnCount(_appender);
            if (count != columns.Length)
            {
                throw new InvalidOperationException($"Table {table} has {count} columns, the appender expects {columns.Length}");
            }
            var handles = new IntPtr[count];
            var logical = new DuckDBLogicalType[count];
            _types = new DuckDBType[count];
            _longs = new long[count][];
            _shorts = new short[count][];
            _doubles = new double[count][];
            try
            {
                for (var c = 0; c < count; c++)
                {
                    logical[c] = NativeMethods.Appender.DuckDBAppenderColumnType(_appender, (ulong)c);
                    handles[c] = logical[c].DangerousGetHandle();
                    var type = NativeMethods.LogicalType.DuckDBGetTypeId(logical[c]);
                    if (type != columns[c])
                    {
                        throw new InvalidOperationException($"Column {c} of {table} is {type}, the appender expects {columns[c]}");
                    }
                    _types[c] = type;
                    switch (type)
                    {
                        case DuckDBType.BigInt:
                            _longs[c] = new long[Capacity];
                            break;
                        case DuckDBType.SmallInt:
                            _shorts[c] = new short[Capacity];
                            break;
                        case DuckDBType.Double:
                            _doubles[c] = new double[Capacity];
                            break;
                        default:
                            throw new InvalidOperationException($"Column {c} of {table} is {type}; only BIGINT, SMALLINT and DOUBLE are supported");
                    }
                }
                _chunk = NativeMethods.DataChunks.DuckDBCreateDataChunk(handles, (ulong)count);
            }
            finally
            {
                foreach (var l in logical)
                {
                    l?.Dispose();
                }
            }
        }
        catch
        {
            _appender.Dispose();
            throw;
        }
    }

    /// <summary>Rows per chunk: DuckDB's vector size (2,048).</summary>
    public int Capacity { get; }

    /// <summary>Rows written into the current chunk.</summary>
    public int Count { get; private set; }

    /// <summary>The BIGINT column <paramref name="column"/> of the current chunk.</summary>
    public long[] Longs(int column) => _longs[column];

    /// <summary>The SMALLINT column <paramref name="column"/> of the current chunk.</summary>
    public short[] Shorts(int column) => _shorts[column];

    /// <summary>The DOUBLE column <paramref name="column"/> of the current chunk.</summary>
    public double[] Doubles(int column) => _doubles[column];

    /// <summary>The index of a new row in the current chunk (appending the chunk first when it is full); fill every column at it.</summary>
    public int NextRow()
    {
        if (_closed)
        {
            throw new InvalidOperationException($"The appender of {_table} is closed");
        }
        if (Count == Capacity)
        {
            AppendChunk();
        }
        return Count++;
    }

    /// <summary>Appends the rows written and closes the appender (its rows then belong to the transaction).</summary>
    public void Close()
    {
        if (_closed)
        {
            return;
        }
        _closed = true;
        try
        {
            AppendChunk();
            if (!NativeMethods.Appender.DuckDBAppenderClose(_appender).IsSuccess())
            {
                throw new ResultsStoreException($"DuckDB refused rows appended to table {_table}");
            }
        }
        finally
        {
            _chunk.Dispose();
            _appender.Dispose();
        }
    }

    /// <summary>Closes the appender if <see cref="Close"/> was not called (as DuckDB.NET's appender does).</summary>
    public void Dispose() => Close();

    private unsafe void AppendChunk()
    {
        if (Count == 0)
        {
            return;
        }
        for (var c = 0; c < _types.Length; c++)
        {
            var data = NativeMethods.Vectors.DuckDBVectorGetData(NativeMethods.DataChunks.DuckDBDataChunkGetVector(_chunk, c));
            switch (_types[c])
            {
                case DuckDBType.BigInt:
                    _longs[c].AsSpan(0, Count).CopyTo(new Span<long>(data, Count));
                    break;
                case DuckDBType.SmallInt:
                    _shorts[c].AsSpan(0, Count).CopyTo(new Span<short>(data, Count));
                    break;
                default:
                    _doubles[c].AsSpan(0, Count).CopyTo(new Span<double>(data, Count));
                    break;
            }
        }
        NativeMethods.DataChunks.DuckDBDataChunkSetSize(_chunk, (ulong)Count);
        var state = NativeMethods.Appender.DuckDBAppendDataChunk(_appender, _chunk);
        NativeMethods.DataChunks.DuckDBDataChunkReset(_chunk);
        Count = 0;
        if (!state.IsSuccess())
        {
            throw new ResultsStoreException($"DuckDB refused rows appended to table {_table}");
        }
    }
}
