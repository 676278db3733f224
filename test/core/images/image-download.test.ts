// Downloading one picture over a real HTTP server: the type comes from the bytes, a redirect is
// followed only a few hops, and a 404 is reported every time (remembering it is not this part's).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ImageDownloader,
  type ImageDownloadOptions,
} from '../../../electron/core/images/image-download.js';
import { gif, png, startImageServer, type ImageServer } from './support.js';

let server: ImageServer;

function downloader(extra: Partial<ImageDownloadOptions> = {}): ImageDownloader {
  return new ImageDownloader({ fetchUrlFor: server.fetchUrlFor, ...extra });
}

/** Answers /i.scdn.co/image/<from> with a redirect to https://i.scdn.co/image/<to>. */
function redirect(from: string, to: string): void {
  server.route(`/i.scdn.co/image/${from}`, (_request, response) => {
    response.writeHead(302, { location: `https://i.scdn.co/image/${to}` }).end();
  });
}

beforeEach(async () => {
  server = await startImageServer();
});

afterEach(async () => {
  await server.close();
});

describe('ImageDownloader', () => {
  it('hands back the bytes with the type they sniff as, not the one the server named', async () => {
    server.serve('/i.scdn.co/image/a', gif(), 'image/png');

    const image = await downloader().download(new URL('https://i.scdn.co/image/a'));

    expect(image.contentType).toBe('image/gif');
    expect(image.bytes.equals(gif())).toBe(true);
  });

  it('reports a 404 every time it is asked, asking the server each time', async () => {
    const images = downloader();
    const url = new URL('https://i.scdn.co/image/gone');

    for (let i = 0; i < 2; i += 1) {
      await expect(images.download(url)).rejects.toMatchObject({ code: 'image_not_found' });
    }
    expect(server.count('/i.scdn.co/image/gone')).toBe(2);
  });

  it('follows three redirects between allowed places, but not a fourth', async () => {
    server.serve('/i.scdn.co/image/end', png());
    redirect('three', 'two');
    redirect('two', 'one');
    redirect('one', 'end');
    redirect('four', 'three');
    const images = downloader();

    const image = await images.download(new URL('https://i.scdn.co/image/three'));
    expect(image.bytes.equals(png())).toBe(true);

    await expect(images.download(new URL('https://i.scdn.co/image/four'))).rejects.toMatchObject({
      code: 'image_unavailable',
    });
    expect(server.count('/i.scdn.co/image/end')).toBe(1);
  });

  it('refuses by the declared length alone, before reading the body', async () => {
    server.route('/i.scdn.co/image/big', (_request, response) => {
      response.writeHead(200, { 'content-type': 'image/png', 'content-length': 5_000 });
      // Only the head is sent: a downloader that read the body would wait for its timeout.
      response.flushHeaders();
    });
    const images = downloader({ maxImageBytes: 1_000, timeoutMs: 60_000 });

    await expect(images.download(new URL('https://i.scdn.co/image/big'))).rejects.toMatchObject({
      code: 'image_too_large',
    });
  });

  it('resolves idle() only once the downloads under way have ended', async () => {
    let answer: () => void = () => {};
    server.route('/i.scdn.co/image/slow', (_request, response) => {
      answer = () => response.writeHead(200).end(png());
    });
    const images = downloader();
    const arrived = server.arrival('/i.scdn.co/image/slow');
    const downloading = images.download(new URL('https://i.scdn.co/image/slow'));
    await arrived;

    let idle = false;
    const idling = images.idle().then(() => (idle = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(idle).toBe(false);
    answer();
    await idling;
    await downloading;
  });
});
