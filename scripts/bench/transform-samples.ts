/**
 * The modules the transform benchmark feeds the loader: directive-free ones (a server component, a
 * utility module, a large vendor file) and "use server" ones (files of server functions, and a server
 * component that defines its own). JSX is compiled first, as babel-loader does before the loader runs
 * in the example's webpack config; the bigger directive-free modules are real files from node_modules.
 */
import { transformSync } from '@babel/core';
import { readFileSync } from 'node:fs';

export interface SampleModule {
  /** What the tables call it. */
  label: string;
  /** The path the loader is told; its extension picks the parser's plugins. */
  resourcePath: string;
  source: string;
}

const ROOT = `${__dirname}/../..`;

function compileJsx(source: string): string {
  return transformSync(source, {
    configFile: false,
    babelrc: false,
    presets: [['@babel/preset-react', { runtime: 'automatic' }]],
  })!.code!;
}

function lineCount(source: string): number {
  return source.split('\n').length;
}

function sample(name: string, resourcePath: string, source: string): SampleModule {
  return { label: `${name} (${lineCount(source)} lines)`, resourcePath, source };
}

function nodeModule(name: string, relativePath: string): SampleModule {
  const source = readFileSync(`${ROOT}/node_modules/${relativePath}`, 'utf8');
  const size = source.length >= 1e6 ? `${(source.length / 1e6).toFixed(1)} MB` : `${Math.round(source.length / 1e3)} kB`;
  return { label: `${name} (${size}, ${relativePath})`, resourcePath: `/app/node_modules/${relativePath}`, source };
}

const PRODUCT_PAGE = `// A server component: reads the product, renders it with a client component for the cart.
import { Suspense } from 'react';
import { AddToCart } from './AddToCart';
import { Reviews } from './Reviews';
import { formatPrice } from '../lib/format';
import { db } from '../lib/db';

export default async function ProductPage({ params, searchParams }) {
  const product = await db.products.find(params.id);
  if (!product) {
    return <p className="empty">This product is no longer available.</p>;
  }
  const variant = product.variants.find((v) => v.id === searchParams.variant) ?? product.variants[0];
  const inStock = variant.stock > 0;
  return (
    <article className="product" data-product-id={product.id}>
      <header>
        <h1>{product.name}</h1>
        <p className="price">{formatPrice(variant.price, product.currency)}</p>
      </header>
      <img src={variant.image} alt={product.name} width={640} height={480} />
      <ul className="variants">
        {product.variants.map((v) => (
          <li key={v.id} className={v.id === variant.id ? 'selected' : undefined}>
            <a href={\`?variant=\${v.id}\`}>{v.label}</a>
          </li>
        ))}
      </ul>
      {inStock ? <AddToCart productId={product.id} variantId={variant.id} /> : <p>Out of stock</p>}
      <section className="description">{product.description}</section>
      <Suspense fallback={<p>Loading reviews…</p>}>
        <Reviews productId={product.id} />
      </Suspense>
    </article>
  );
}
`;

const NOTE_ACTIONS = `'use server';
// Server functions for notes: imported by client components and passed from server ones.
import { redirect } from 'webpack-server-actions/runtime';
import { db } from './store';
import { currentUser } from './session';

const MAX_TITLE_LENGTH = 100;

export async function createNote(title) {
  const text = String(title ?? '');
  if (text.length > MAX_TITLE_LENGTH) throw new Error(\`A title is at most \${MAX_TITLE_LENGTH} characters.\`);
  return db.notes.create(text, await currentUser());
}

export async function addNote(formData) {
  const note = await db.notes.create(String(formData.get('title') ?? '').slice(0, MAX_TITLE_LENGTH), await currentUser());
  redirect(\`/?note=\${note.id}\`);
}

export async function renameNote(id, formData) {
  const title = String(formData.get('title') ?? '').slice(0, MAX_TITLE_LENGTH);
  if (!(await db.notes.rename(Number(id), title, await currentUser()))) {
    throw new Error(\`There is no note \${Number(id)} to rename.\`);
  }
}

export async function deleteNote(id) {
  const user = await currentUser();
  const outcome = await db.notes.delete(Number(id), user);
  if (outcome === 'forbidden') throw new Error('Only the author of a note can delete it.');
  return { deleted: outcome === 'deleted' };
}

export async function updateName(...args) {
  const input = args.at(-1);
  const name = typeof input === 'string' ? input : input?.get?.('name');
  if (!name) {
    return { error: 'Name is required' };
  }
  const saved = String(name).slice(0, 100);
  await db.users.updateName(saved);
  return { error: null, name: saved };
}
`;

const CHECKOUT_ACTIONS = `"use server";
/**
 * Cart and checkout: every function here is a public endpoint, so each checks its arguments and the
 * caller's session before it touches the database.
 */
import { cookies } from './request-context';
import { db, transaction } from '../lib/db';
import { charge, refund } from '../lib/payments';
import { sendReceipt } from '../lib/mail';
import { revalidate } from '../lib/cache';

const MAX_QUANTITY = 20;
const CART_COOKIE = 'cart';

function quantityOf(value) {
  const quantity = Number.parseInt(String(value), 10);
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
    throw new RangeError(\`A quantity is a whole number from 1 to \${MAX_QUANTITY}.\`);
  }
  return quantity;
}

async function cartOf(create = false) {
  const id = cookies().get(CART_COOKIE);
  const cart = id ? await db.carts.find(id) : null;
  if (cart || !create) return cart;
  const created = await db.carts.create();
  cookies().set(CART_COOKIE, created.id, { httpOnly: true, sameSite: 'lax' });
  return created;
}

function totalOf(cart) {
  return cart.lines.reduce((sum, line) => sum + line.price * line.quantity, 0);
}

export async function addToCart(productId, variantId, formData) {
  const quantity = quantityOf(formData?.get('quantity') ?? 1);
  const variant = await db.variants.find(String(productId), String(variantId));
  if (!variant) return { error: 'This product is no longer available.' };
  if (variant.stock < quantity) return { error: \`Only \${variant.stock} left.\` };
  const cart = await cartOf(true);
  const existing = cart.lines.find((line) => line.variantId === variant.id);
  if (existing) {
    existing.quantity = Math.min(existing.quantity + quantity, MAX_QUANTITY);
  } else {
    cart.lines.push({ variantId: variant.id, price: variant.price, quantity });
  }
  await db.carts.save(cart);
  revalidate('/cart');
  return { error: null, count: cart.lines.length };
}

export async function updateQuantity(variantId, quantity) {
  const cart = await cartOf();
  if (!cart) return { error: 'Your cart is empty.' };
  const line = cart.lines.find((candidate) => candidate.variantId === String(variantId));
  if (!line) return { error: 'This item is not in your cart.' };
  line.quantity = quantityOf(quantity);
  await db.carts.save(cart);
  revalidate('/cart');
  return { error: null, total: totalOf(cart) };
}

export const removeFromCart = async (variantId) => {
  const cart = await cartOf();
  if (!cart) return;
  cart.lines = cart.lines.filter((line) => line.variantId !== String(variantId));
  await db.carts.save(cart);
  revalidate('/cart');
};

export async function applyCoupon(prevState, formData) {
  const code = String(formData.get('coupon') ?? '').trim().toUpperCase();
  if (!/^[A-Z0-9]{4,16}$/.test(code)) return { ...prevState, error: 'That is not a coupon code.' };
  const coupon = await db.coupons.find(code);
  if (!coupon || coupon.expiresAt < Date.now()) return { ...prevState, error: 'This coupon has expired.' };
  const cart = await cartOf();
  if (!cart) return { ...prevState, error: 'Your cart is empty.' };
  cart.coupon = coupon.code;
  await db.carts.save(cart);
  return { ...prevState, error: null, discount: coupon.percent };
}

export async function checkout(formData) {
  const cart = await cartOf();
  if (!cart || cart.lines.length === 0) return { error: 'Your cart is empty.' };
  const email = String(formData.get('email') ?? '');
  if (!email.includes('@')) return { error: 'Please enter your email address.' };
  const amount = totalOf(cart);
  const payment = await charge(String(formData.get('paymentToken')), amount);
  try {
    const order = await transaction(async (tx) => {
      for (const line of cart.lines) await tx.variants.reserve(line.variantId, line.quantity);
      return tx.orders.create({ email, lines: cart.lines, amount, payment: payment.id });
    });
    await sendReceipt(email, order);
    cookies().delete(CART_COOKIE);
    return { error: null, orderId: order.id };
  } catch (error) {
    await refund(payment.id);
    return { error: error instanceof RangeError ? error.message : 'The order could not be placed.' };
  }
}

export default async function cancelOrder(orderId) {
  const order = await db.orders.find(String(orderId));
  if (!order || order.status !== 'placed') return false;
  await refund(order.payment);
  await db.orders.update(order.id, { status: 'cancelled' });
  return true;
}
`;

const INLINE_COMPONENT = `// A server component that defines its own server functions: each captures the post it belongs to.
import { db } from '../lib/db';
import { callerSession } from '../lib/session';
import { revalidate } from '../lib/cache';
import { LikeButton } from './LikeButton';
import { CommentForm } from './CommentForm';

export default async function Post({ id }) {
  const post = await db.posts.find(id);
  const session = await callerSession();
  if (!post) return <p>This post was deleted.</p>;

  async function like() {
    'use server';
    await db.likes.toggle(post.id, (await callerSession()).userId);
    revalidate(\`/posts/\${post.id}\`);
  }

  const addComment = async (formData) => {
    'use server';
    const text = String(formData.get('text') ?? '').trim().slice(0, 2000);
    if (!text) return { error: 'A comment cannot be empty.' };
    await db.comments.create({ postId: post.id, text, author: (await callerSession()).userId });
    revalidate(\`/posts/\${post.id}\`);
    return { error: null };
  };

  return (
    <article className="post">
      <h1>{post.title}</h1>
      <div className="body">{post.body}</div>
      <LikeButton count={post.likes} action={like} />
      <ul className="comments">
        {post.comments.map((comment) => (
          <li key={comment.id}>
            <strong>{comment.authorName}</strong> {comment.text}
          </li>
        ))}
      </ul>
      {session ? <CommentForm action={addComment} /> : <a href="/login">Log in to comment</a>}
    </article>
  );
}
`;

/** Modules without a directive, which the loader must pass on after a string check. */
export function directiveFreeSamples(quick: boolean): SampleModule[] {
  return [
    sample('server component, JSX compiled', '/app/src/ProductPage.jsx', compileJsx(PRODUCT_PAGE)),
    nodeModule('utility module', 'webpack/lib/util/compileBooleanMatcher.js'),
    // Quick mode (the smoke test) spares itself parsing a megabyte.
    quick
      ? nodeModule('vendor file', 'react/cjs/react.development.js')
      : nodeModule('vendor file', 'react-dom/cjs/react-dom-client.development.js'),
  ];
}

/** "use server" files: what the loader transforms on every layer. */
export function useServerFileSamples(): SampleModule[] {
  return [
    sample('note actions', '/app/src/actions.js', NOTE_ACTIONS),
    sample('checkout actions', '/app/src/checkout.js', CHECKOUT_ACTIONS),
    // As ts-loader hands it on: plain JavaScript under a .ts name, parsed with the TypeScript plugin.
    sample('checkout actions, .ts', '/app/src/checkout.ts', CHECKOUT_ACTIONS),
  ];
}

/** A server component with inline "use server" functions: transformed on the server layer only. */
export function inlineSample(): SampleModule {
  return sample('server component with 2 inline server functions', '/app/src/Post.jsx', compileJsx(INLINE_COMPONENT));
}
