// Builds the add-in: the task pane page (which, as the shared runtime, also loads the
// ribbon commands and the worksheet functions), and a standalone functions.js (no DOM,
// no React) with its generated functions.json.
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');

const DEV_PORT = 3000;

// office.js is not bundled or copied: taskpane.html loads it from Microsoft's CDN
// (https://appsforoffice.microsoft.com/lib/1/hosted/office.js), as Microsoft requires.
// The browser tests answer that URL offline (tests/browser/support/officeJsRoute.ts).

/**
 * Certificates for https://localhost:3000. office-addin-dev-certs creates them and
 * trusts its CA; trusting needs admin rights, so where that fails (Linux without
 * sudo, CI) the generated files are still used and the user is told to trust the CA.
 */
async function httpsOptions() {
  const devCerts = require('office-addin-dev-certs');
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    const dir = path.join(require('os').homedir(), '.office-addin-dev-certs');
    const read = (f) => require('fs').readFileSync(path.join(dir, f));
    console.warn(`Could not trust the development CA (${String(e.message).split('\n')[0]}); serving with its certificate anyway.`);
    console.warn(`Trust ${path.join(dir, 'ca.crt')} in your browser or OS, or run: npx office-addin-dev-certs install`);
    return { ca: read('ca.crt'), cert: read('localhost.crt'), key: read('localhost.key') };
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === 'development';
  return {
    devtool: dev ? 'source-map' : false,
    entry: {
      functions: './src/functions/functions.ts',
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.json'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: { transpileOnly: true, configFile: 'tsconfig.json', compilerOptions: { module: 'es2020', sourceMap: dev } },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './src/functions/functions.ts' }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        // Shared runtime: the task pane page also hosts the worksheet functions.
        chunks: ['functions', 'commands', 'taskpane'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'manifest.xml', to: 'manifest.xml' },
        ],
      }),
    ],
    devServer: {
      host: 'localhost',
      port: DEV_PORT,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options: dev && env.WEBPACK_SERVE ? await httpsOptions() : {} },
      static: { directory: path.resolve(__dirname, 'dist') },
      hot: false,
      client: false,
    },
  };
};
