namespace Workbook.Core.Charts;

/// <summary>A chart with a <see cref="FigureLayout"/> applied: the figure JSON to draw and how large to render it.</summary>
/// <param name="FigureJson">The plotly.js figure JSON, its layout sized to the canvas.</param>
/// <param name="Width">The image width in pixels (a PNG at scale 1, an SVG's width).</param>
/// <param name="Height">The image height in pixels.</param>
/// <param name="CanvasWidth">The width plotly.js lays the figure out in: <paramref name="Width"/> / <paramref name="Zoom"/>.</param>
/// <param name="CanvasHeight">The height plotly.js lays the figure out in: <paramref name="Height"/> / <paramref name="Zoom"/>.</param>
/// <param name="Zoom">How much larger than in the notebook text, lines and margins are drawn; 1 for the default layout.</param>
public sealed record FigureRendering(string FigureJson, int Width, int Height, double CanvasWidth, double CanvasHeight, double Zoom);
