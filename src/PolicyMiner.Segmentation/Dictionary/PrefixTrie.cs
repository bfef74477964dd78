using System.Numerics;
using System.Runtime.InteropServices;

namespace PolicyMiner.Segmentation.Dictionary;

/// <summary>
/// jieba's prefix dictionary as a trie: every word and every prefix of a word is a node; a node with a positive
/// frequency is a word.
/// </summary>
/// <remarks>
/// Children of the root are a direct 64K table (the first character of every lookup); deeper edges live in one
/// open-addressing hash table keyed by (parent, character), so a step is one probe into a flat array and the
/// whole structure is a handful of arrays that serialise as they are. Mutated only while a model is being built;
/// read-only (and so thread-safe) once published.
/// </remarks>
internal sealed class PrefixTrie
{
    /// <summary>Id of the root node; also the "no node" value, since the root is never anyone's child.</summary>
    public const int None = 0;

    private const ulong FibonacciMultiplier = 0x9E3779B97F4A7C15UL;
    private const double MaxEdgeLoad = 0.6;

    private readonly int[] _rootChildren;
    private TrieEdge[] _edges;
    private int _edgeShift;
    private int _edgeCount;
    private int[] _frequencies;
    private double[] _logFrequencies;
    private ushort[] _tags;
    private int _nodeCount;
    private readonly List<string> _tagNames;

    public PrefixTrie(int expectedNodes = 1024)
    {
        _rootChildren = new int[char.MaxValue + 1];
        var capacity = EdgeCapacityFor(expectedNodes);
        _edges = new TrieEdge[capacity];
        _edgeShift = 64 - BitOperations.Log2((uint)capacity);
        _frequencies = new int[expectedNodes];
        _logFrequencies = new double[expectedNodes];
        _tags = new ushort[expectedNodes];
        _nodeCount = 1;
        _tagNames = [string.Empty];
    }

    private PrefixTrie(PrefixTrie source)
    {
        _rootChildren = (int[])source._rootChildren.Clone();
        _edges = (TrieEdge[])source._edges.Clone();
        _edgeShift = source._edgeShift;
        _edgeCount = source._edgeCount;
        _frequencies = (int[])source._frequencies.Clone();
        _logFrequencies = (double[])source._logFrequencies.Clone();
        _tags = (ushort[])source._tags.Clone();
        _nodeCount = source._nodeCount;
        _tagNames = [.. source._tagNames];
    }

    /// <summary>Number of nodes including the root.</summary>
    public int NodeCount => _nodeCount;

    /// <summary>A deep copy that can be extended without touching this trie.</summary>
    public PrefixTrie Clone() => new(this);

    /// <summary>The child of the root for a word's first character, or <see cref="None"/>.</summary>
    public int FirstStep(char c) => _rootChildren[c];

    /// <summary>The child of <paramref name="node"/> labelled <paramref name="c"/>, or <see cref="None"/>.</summary>
    public int Step(int node, char c)
    {
        if (node == None)
        {
            return _rootChildren[c];
        }

        var edges = _edges;
        var mask = edges.Length - 1;
        var slot = Slot(node, c);
        while (true)
        {
            ref readonly var edge = ref edges[slot];
            if (edge.Child == None)
            {
                return None;
            }

            if (edge.Parent == node && edge.Label == c)
            {
                return edge.Child;
            }

            slot = (slot + 1) & mask;
        }
    }

    /// <summary>The node spelling <paramref name="word"/> (a word or a prefix), or <see cref="None"/>.</summary>
    public int Find(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
        {
            return None;
        }

        var node = _rootChildren[word[0]];
        for (var i = 1; i < word.Length && node != None; i++)
        {
            node = Step(node, word[i]);
        }

        return node;
    }

    /// <summary>Frequency of the node's word; 0 for a prefix that is not a word.</summary>
    public int Frequency(int node) => _frequencies[node];

    /// <summary>Natural log of the node's frequency (meaningful only when the frequency is positive).</summary>
    public double LogFrequency(int node) => _logFrequencies[node];

    /// <summary>Frequencies indexed by node, for the hot loops.</summary>
    public ReadOnlySpan<int> Frequencies => _frequencies.AsSpan(0, _nodeCount);

    /// <summary>Log frequencies indexed by node, for the hot loops.</summary>
    public ReadOnlySpan<double> LogFrequencies => _logFrequencies.AsSpan(0, _nodeCount);

    /// <summary>Part-of-speech tag of the node's word, or null.</summary>
    public string? Tag(int node) => _tags[node] == 0 ? null : _tagNames[_tags[node]];

    /// <summary>Frequency of <paramref name="word"/>, or null when the string is not in the trie at all.</summary>
    /// <remarks>Mirrors Python's <c>FREQ.get(word)</c>: a prefix that is not a word has frequency 0, not null.</remarks>
    public int? Lookup(ReadOnlySpan<char> word)
    {
        var node = Find(word);
        return node == None ? null : _frequencies[node];
    }

    /// <summary>Adds <paramref name="word"/> and its prefixes if missing and returns the word's node.</summary>
    public int AddPath(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
        {
            throw new ArgumentException("A dictionary word cannot be empty.", nameof(word));
        }

        var node = _rootChildren[word[0]];
        if (node == None)
        {
            node = NewNode();
            _rootChildren[word[0]] = node;
        }

        for (var i = 1; i < word.Length; i++)
        {
            var next = Step(node, word[i]);
            if (next == None)
            {
                next = NewNode();
                InsertEdge(node, word[i], next);
            }

            node = next;
        }

        return node;
    }

    /// <summary>Sets the frequency of a node's word; a tag of null keeps the current one.</summary>
    public void SetWord(int node, int frequency, string? tag)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frequency);
        _frequencies[node] = frequency;
        _logFrequencies[node] = frequency > 0 ? Math.Log(frequency) : 0;
        if (!string.IsNullOrEmpty(tag))
        {
            _tags[node] = TagIndex(tag);
        }
    }

    private ushort TagIndex(string tag)
    {
        var index = _tagNames.IndexOf(tag);
        if (index < 0)
        {
            if (_tagNames.Count > ushort.MaxValue)
            {
                throw new InvalidOperationException("Too many distinct part-of-speech tags.");
            }

            _tagNames.Add(tag);
            index = _tagNames.Count - 1;
        }

        return (ushort)index;
    }

    private int NewNode()
    {
        if (_nodeCount == _frequencies.Length)
        {
            // Grow by half: user dictionaries add a few hundred nodes to a 500K-node trie.
            var size = Math.Max(_frequencies.Length + 1024, _frequencies.Length + (_frequencies.Length >> 1));
            Array.Resize(ref _frequencies, size);
            Array.Resize(ref _logFrequencies, size);
            Array.Resize(ref _tags, size);
        }

        return _nodeCount++;
    }

    private int Slot(int parent, char c)
        => (int)(((((ulong)(uint)parent) << 16) | c) * FibonacciMultiplier >> _edgeShift);

    private void InsertEdge(int parent, char c, int child)
    {
        if (_edgeCount + 1 > _edges.Length * MaxEdgeLoad)
        {
            Rehash(_edges.Length * 2);
        }

        Place(parent, c, child);
        _edgeCount++;
    }

    private void Place(int parent, char c, int child)
    {
        var mask = _edges.Length - 1;
        var slot = Slot(parent, c);
        while (_edges[slot].Child != None)
        {
            slot = (slot + 1) & mask;
        }

        _edges[slot] = new TrieEdge(parent, child, c);
    }

    private void Rehash(int capacity)
    {
        var old = _edges;
        _edges = new TrieEdge[capacity];
        _edgeShift = 64 - BitOperations.Log2((uint)capacity);
        foreach (var edge in old)
        {
            if (edge.Child != None)
            {
                Place(edge.Parent, edge.Label, edge.Child);
            }
        }
    }

    private static int EdgeCapacityFor(int nodes)
        => (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, (int)(nodes / MaxEdgeLoad) + 1));

    /// <summary>Writes the trie in the compact binary form <see cref="ReadFrom"/> reads.</summary>
    public void WriteTo(BinaryWriter writer)
    {
        writer.Write(_nodeCount);
        writer.Write(_edgeCount);
        writer.Write(_edges.Length);
        writer.Write(_tagNames.Count);
        foreach (var name in _tagNames)
        {
            writer.Write(name);
        }

        writer.Write(MemoryMarshal.AsBytes(_rootChildren.AsSpan()));
        writer.Write(MemoryMarshal.AsBytes(_edges.AsSpan()));
        writer.Write(MemoryMarshal.AsBytes(_frequencies.AsSpan(0, _nodeCount)));
        writer.Write(MemoryMarshal.AsBytes(_tags.AsSpan(0, _nodeCount)));
    }

    /// <summary>Reads a trie written by <see cref="WriteTo"/>.</summary>
    public static PrefixTrie ReadFrom(BinaryReader reader)
    {
        var nodeCount = reader.ReadInt32();
        var edgeCount = reader.ReadInt32();
        var edgeCapacity = reader.ReadInt32();
        var tagCount = reader.ReadInt32();
        if (nodeCount < 1 || edgeCount < 0 || edgeCapacity < 16 || !BitOperations.IsPow2(edgeCapacity) || tagCount < 1)
        {
            throw new InvalidDataException("Corrupt compiled dictionary header.");
        }

        var trie = new PrefixTrie(1);
        trie._tagNames.Clear();
        for (var i = 0; i < tagCount; i++)
        {
            trie._tagNames.Add(reader.ReadString());
        }

        trie._edges = new TrieEdge[edgeCapacity];
        trie._edgeShift = 64 - BitOperations.Log2((uint)edgeCapacity);
        trie._edgeCount = edgeCount;
        trie._nodeCount = nodeCount;
        trie._frequencies = new int[nodeCount];
        trie._logFrequencies = new double[nodeCount];
        trie._tags = new ushort[nodeCount];
        var stream = reader.BaseStream;
        stream.ReadExactly(MemoryMarshal.AsBytes(trie._rootChildren.AsSpan()));
        stream.ReadExactly(MemoryMarshal.AsBytes(trie._edges.AsSpan()));
        stream.ReadExactly(MemoryMarshal.AsBytes(trie._frequencies.AsSpan()));
        stream.ReadExactly(MemoryMarshal.AsBytes(trie._tags.AsSpan()));
        var frequencies = trie._frequencies;
        var logs = trie._logFrequencies;
        for (var node = 0; node < nodeCount; node++)
        {
            if (frequencies[node] > 0)
            {
                logs[node] = Math.Log(frequencies[node]);
            }
        }

        return trie;
    }
}

/// <summary>One parent-to-child edge of the trie's hash table; <see cref="Child"/> 0 marks an empty slot.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal readonly record struct TrieEdge(int Parent, int Child, char Label);
