using System.Buffers.Binary;
using System.IO.Compression;
using QRCoder;

namespace SocialOrder.Infrastructure.Pdf;

/// <summary>
/// A QR code as an 8-bit RGB PNG. QRCoder's own PNG writer emits 1-bit greyscale or palette images, which
/// PDFsharp's importer does not reliably reproduce; plain truecolour it does. Deterministic: same text, same bytes.
/// </summary>
internal static class QrCodePng
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    public static byte[] Render(string text, int pixelsPerModule)
    {
        using var generator = new QRCodeGenerator();
        using var code = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var modules = code.ModuleMatrix;
        var side = modules.Count * pixelsPerModule;
        var stride = 1 + side * 3;
        var pixels = new byte[stride * side];
        for (var y = 0; y < side; y++)
        {
            var row = modules[y / pixelsPerModule];
            for (var x = 0; x < side; x++)
            {
                var value = row[x / pixelsPerModule] ? (byte)0 : (byte)255;
                pixels.AsSpan(y * stride + 1 + x * 3, 3).Fill(value);
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, side);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), side);
        header[8] = 8;
        header[9] = 2;
        WriteChunk(png, "IHDR"u8, header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(pixels);
            }

            WriteChunk(png, "IDAT"u8, compressed.ToArray());
        }

        WriteChunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        png.Write(type);
        png.Write(data);
        var crc = Crc(0xFFFFFFFFu, type);
        BinaryPrimitives.WriteUInt32BigEndian(number, ~Crc(crc, data));
        png.Write(number);
    }

    private static uint Crc(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
