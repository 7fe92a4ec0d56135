// Three compilers that share one ServerActionsPlugin:
//   browser: the page's JavaScript (target web);
//   ssr:     renders client components to HTML on the server (target node);
//   server:  server components and server functions (target node, `react-server` condition).
const path = require('node:path');
const { ServerActionsPlugin } = require('webpack-server-actions');

// One instance, in every compiler: it makes the compilers agree on what each bundle must contain.
const serverActions = new ServerActionsPlugin({ root: __dirname });

// TypeScript and JSX: babel-loader strips the types and compiles JSX, then the package's loader
// (first in `use`, so it runs last) rewrites "use server" and "use client" modules for `layer`.
function scripts(layer) {
  return {
    test: /\.[jt]sx?$/,
    include: path.join(__dirname, 'src'),
    // The sources are ES modules, though package.json says "type": "commonjs".
    type: 'javascript/auto',
    use: [
      { loader: ServerActionsPlugin.loader, options: { layer } },
      {
        loader: 'babel-loader',
        options: { presets: ['@babel/preset-typescript', ['@babel/preset-react', { runtime: 'automatic' }]] },
      },
    ],
  };
}

const common = {
  mode: 'development',
  context: __dirname,
  // '...' keeps webpack's own extensions (.js, .json, .wasm) after ours.
  resolve: { extensions: ['.ts', '.tsx', '...'] },
  plugins: [serverActions],
};

module.exports = [
  {
    ...common,
    name: 'browser',
    target: 'web',
    entry: { main: './src/browser.ts' },
    output: { path: path.join(__dirname, 'build/browser'), publicPath: '/assets/', clean: true },
    module: { rules: [scripts('browser')] },
  },
  {
    ...common,
    name: 'ssr',
    target: 'node',
    entry: { ssr: './src/ssr.ts' },
    output: { path: path.join(__dirname, 'build/ssr'), library: { type: 'commonjs2' }, clean: true },
    module: { rules: [scripts('ssr')] },
  },
  {
    ...common,
    name: 'server',
    target: 'node',
    entry: { rsc: './src/rsc.tsx' },
    output: { path: path.join(__dirname, 'build/server'), library: { type: 'commonjs2' }, clean: true },
    resolve: { ...common.resolve, conditionNames: ['react-server', '...'] },
    module: { rules: [scripts('server')] },
  },
];
