import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

/**
 * Taro build config (webpack5). Output goes to dist/<platform> (dist/h5, dist/weapp).
 * In H5 the API is same-origin (`/api`); the mini program needs an absolute base, taken from
 * GIFTSHOP_API_BASE at build time (default http://localhost:3000).
 */
const platform = process.env.TARO_ENV ?? 'h5';
const apiBase = platform === 'h5' ? '' : (process.env.GIFTSHOP_API_BASE ?? 'http://localhost:3000');

export default defineConfig<'webpack5'>(() => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'giftshop-client',
    date: '2025-11-24',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // The shared rules as ES modules from their TypeScript source, so each page takes only the
    // functions it uses (the CommonJS build in shared/dist would put all of it in every page).
    alias: { '@giftshop/shared': path.resolve(__dirname, '../../shared/src') },
    outputRoot: `dist/${platform}`,
    plugins: [],
    defineConstants: {
      API_BASE: JSON.stringify(apiBase),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    logger: { quiet: true, stats: false },
    mini: {
      compile: { include: [path.resolve(__dirname, '../../shared/src')] },
      // Page styles are independent (BEM blocks), so chunk order between them does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      // ANALYZE=1 writes source maps, for `npx source-map-explorer dist/h5/js/app.*.js` (see
      // docs/BENCHMARKS.md, "Home page first load").
      enableSourceMap: !!process.env.ANALYZE,
      sourceMapType: 'source-map',
      // Taro's React components as plain HTML elements (@tarojs/components-react) rather than
      // Stencil web components: no web-component runtime in the first load.
      useHtmlComponents: true,
      publicPath: '/',
      compile: { include: [path.resolve(__dirname, '../../shared/src')] },
      staticDirectory: 'static',
      router: { mode: 'browser' },
      // Only used by `npm run dev:h5`; the API server listens on 3000.
      devServer: {
        host: '127.0.0.1',
        port: 10086,
        open: false,
        proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: true } },
      },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        // React + Taro runtime alone exceed webpack's 244 KiB hint; the warning is noise here.
        chain.performance.hints(false);
        // Taro injects its components' own CSS (about 43 KB) at the top of <head> from JavaScript
        // (style-loader), inside the first load's scripts. Extracted like ours it becomes a CSS file
        // that loads beside the scripts, earlier in the same chunk's stylesheet, so ours still win.
        const taroStyle = chain.module.rule('taroStyle');
        taroStyle.uses.clear();
        taroStyle.use('extract').loader(require.resolve('mini-css-extract-plugin/dist/loader'));
      },
    },
  };
  return config;
});
