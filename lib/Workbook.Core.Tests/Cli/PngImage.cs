using System.Buffers.Binary;
using System.IO.Compression;

namespace Workbook.Core.Tests.Cli;

/// <summary>
/// A minimal PNG reader for tests: the size from IHDR and, for 8-bit RGB or RGBA images without
/// interlacing (what Chromium's canvas writes), the decoded pixels.
/// </summary>
internal sealed class PngImage
{
    public static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private PngImage(int width, int height, int channels, byte[] pixels)
    {
        Width = width;
        Height = height;
        Channels = channels;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>3 for RGB, 4 for RGBA.</summary>
    public int Channels { get; }

    /// <summary>Rows top to bottom, <see cref="Channels"/> bytes per pixel, no filter bytes.</summary>
    public byte[] Pixels { get; }

    public static bool HasSignature(byte[] file) => file.AsSpan().StartsWith(Signature);

    /// <summary>Reads width and height from the IHDR chunk, which PNG requires to come first.</summary>
    public static (int Width, int Height) ReadSize(byte[] file)
    {
        if (!HasSignature(file) || file.Length < 24 || !file.AsSpan(12, 4).SequenceEqual("IHDR"u8))
        {
            throw new InvalidDataException("not a PNG file with an IHDR chunk first");
        }

        return (BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(20)));
    }

    public static PngImage Decode(byte[] file)
    {
        var (width, height) = ReadSize(file);
        var bitDepth = file[24];
        var colorType = file[25];
        var interlace = file[28];
        var channels = colorType switch { 2 => 3, 6 => 4, _ => 0 };
        if (bitDepth != 8 || channels == 0 || interlace != 0)
        {
            throw new NotSupportedException($"only 8-bit RGB/RGBA non-interlaced PNG is supported (depth {bitDepth}, color type {colorType}, interlace {interlace})");
        }

        using var compressed = new MemoryStream();
        for (var offset = 8; offset < file.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(offset));
            var type = file.AsSpan(offset + 4, 4);
            if (type.SequenceEqual("IDAT"u8))
            {
                compressed.Write(file, offset + 8, length);
            }

            offset += 12 + length; // length, type, data, CRC
        }

        compressed.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        var raw = inflated.ToArray();
        var stride = width * channels;
        var pixels = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var source = raw.AsSpan((y * (stride + 1)) + 1, stride);
            var row = pixels.AsSpan(y * stride, stride);
            var above = y == 0 ? new byte[stride] : pixels.AsSpan((y - 1) * stride, stride);
            for (var x = 0; x < stride; x++)
            {
                int left = x >= channels ? row[x - channels] : 0;
                int up = above[x];
                int upLeft = x >= channels ? above[x - channels] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"unknown PNG filter {filter} in row {y}"),
                };
                row[x] = unchecked((byte)(source[x] + predictor));
            }
        }

        return new PngImage(width, height, channels, pixels);
    }

    /// <summary>The RGB of the pixel at (x, y), alpha ignored.</summary>
    public (byte R, byte G, byte B) At(int x, int y)
    {
        var i = ((y * Width) + x) * Channels;
        return (Pixels[i], Pixels[i + 1], Pixels[i + 2]);
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
