// Stops a command early, with a sentence, when the running Node.js is older than it needs:
// Electron 45 and its tooling (@electron/get, @electron/rebuild) declare Node 22.12 or later,
// while the tests and the browser demo run on Node 20.19 too.
// Usage: node scripts/require-node.mjs 22.12 "npm start"
const [wanted = '', command = 'this command'] = process.argv.slice(2);
const parse = (version) => version.replace(/^v/, '').split('.').map(Number);
const [wantMajor = 0, wantMinor = 0] = parse(wanted);
const [major = 0, minor = 0] = parse(process.version);
if (major < wantMajor || (major === wantMajor && minor < wantMinor)) {
  console.error(
    `${command} needs Node.js ${wanted} or later (Electron's tooling requires it); this is ` +
      `Node.js ${process.version}. The tests and \`npm run demo:web\` work on Node.js 20.19 too.`,
  );
  process.exit(1);
}
