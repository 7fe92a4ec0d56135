const path = require('node:path');
const { ServerActionsPlugin } = require('webpack-server-actions');

// One instance in every compiler: it makes them agree on what each bundle must contain.
const serverActions = new ServerActionsPlugin({ root: __dirname });

// The compiler of one side of the app. babel-loader strips the types and compiles JSX; then the
// package's loader (first in `use`, so it runs last) rewrites "use server" and "use client" modules.
function compiler(layer, target, entry, { output, resolve } = {}) {
  return {
    name: layer,
    mode: 'development',
    context: __dirname,
    target,
    entry,
    output: { path: path.join(__dirname, 'build', layer), clean: true, ...output },
    resolve: { extensions: ['.ts', '.tsx', '...'], ...resolve },
    module: {
      rules: [
        {
          test: /\.[jt]sx?$/,
          include: path.join(__dirname, 'src'),
          type: 'javascript/auto', // ES modules, whatever "type" package.json has
          use: [
            { loader: ServerActionsPlugin.loader, options: { layer } },
            {
              loader: 'babel-loader',
              options: { presets: ['@babel/preset-typescript', ['@babel/preset-react', { runtime: 'automatic' }]] },
            },
          ],
        },
      ],
    },
    plugins: [serverActions],
  };
}

const commonjs = { library: { type: 'commonjs2' } };

module.exports = [
  // The page's JavaScript, served under /assets/.
  compiler('browser', 'web', { main: './src/browser.ts' }, { output: { publicPath: '/assets/' } }),
  // Renders the page to HTML, client components included.
  compiler('ssr', 'node', { ssr: './src/ssr.ts' }, { output: commonjs }),
  // Server components and server functions, with React's `react-server` build.
  compiler('server', 'node', { rsc: './src/rsc.tsx' }, { output: commonjs, resolve: { conditionNames: ['react-server', '...'] } }),
];
