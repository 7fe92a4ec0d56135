// The notes example, built by three compilers that share one ServerActionsPlugin instance:
//   browser  – the client bundle (target web);
//   ssr      – renders client components to HTML (target node);
//   server   – React Server Components and server functions (target node, `react-server` condition).
// Build with `npx webpack --config webpack.config.example.js` (or `npm run example`, which also starts it).
const path = require('node:path');
const { ServerActionsPlugin } = require('webpack-server-actions');

const app = path.join(__dirname, 'examples/notes');
// NOTES_BUILD_DIR puts the output elsewhere (the tests build into a directory of their own); server.js
// reads the same variable.
const buildDir = process.env.NOTES_BUILD_DIR ? path.resolve(process.env.NOTES_BUILD_DIR) : path.join(app, 'build');
const serverActions = new ServerActionsPlugin({ root: app });
const mode = process.env.NODE_ENV === 'production' ? 'production' : 'development';

// The loader runs last (first in `use`), on what babel-loader made of JSX.
function scripts(layer) {
  return {
    test: /\.(js|jsx)$/,
    include: path.join(app, 'src'),
    // The example's sources are ES modules inside this repository's CommonJS-typed package.
    type: 'javascript/auto',
    use: [
      { loader: ServerActionsPlugin.loader, options: { layer } },
      { loader: 'babel-loader', options: { presets: [['@babel/preset-react', { runtime: 'automatic' }]] } },
    ],
  };
}

const common = {
  mode,
  context: app,
  devtool: 'source-map',
  resolve: { extensions: ['.js', '.jsx'] },
  plugins: [serverActions],
};

module.exports = [
  {
    ...common,
    name: 'browser',
    target: 'web',
    entry: { main: './src/browser.jsx' },
    output: { path: path.join(buildDir, 'browser'), publicPath: '/assets/', clean: true },
    module: { rules: [scripts('browser')] },
  },
  {
    ...common,
    name: 'ssr',
    target: 'node',
    entry: { ssr: './src/ssr.jsx' },
    output: { path: path.join(buildDir, 'ssr'), library: { type: 'commonjs2' }, clean: true },
    module: { rules: [scripts('ssr')] },
  },
  {
    ...common,
    name: 'server',
    target: 'node',
    entry: { rsc: './src/rsc.jsx' },
    output: { path: path.join(buildDir, 'server'), library: { type: 'commonjs2' }, clean: true },
    resolve: { ...common.resolve, conditionNames: ['react-server', '...'] },
    module: { rules: [scripts('server')] },
  },
];
